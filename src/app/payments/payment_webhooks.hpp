#pragma once
// The provider's signed webhook events, each applied once in the transaction
// that records it — in any order, any number of times, with the same result:
// a payment confirms its booking (or, when the hold ran out first, is given
// back), a failure is kept for the customer to retry, refunds and Connect
// accounts follow the provider's word.
#include <optional>
#include <string>
#include <string_view>

#include "app/bookings/settle_payment.hpp"
#include "app/clock.hpp"
#include "app/payment_events.hpp"
#include "app/payment_gateway.hpp"
#include "app/payments/payment_settings.hpp"
#include "app/payments/refunds.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

class PaymentWebhooks {
 public:
  PaymentWebhooks(ports::UnitOfWork& work, const Clock& clock, PaymentGateway& gateway,
                  SettlePayment& bookings, Refunds& refunds, const PaymentSettings& settings)
      : work_(work),
        clock_(clock),
        gateway_(gateway),
        bookings_(bookings),
        refunds_(refunds),
        settings_(settings) {}

  // The raw body exactly as received, and its Stripe-Signature header.
  WebhookOutcome handle(std::string_view body, std::string_view signature_header);

 private:
  // The event's change, in the transaction that recorded it. `refund_booking`:
  // a booking whose money must go back once this commits.
  WebhookOutcome apply(ports::Transaction& tx, const PaymentEvent& event, std::int64_t now,
                       std::optional<std::string>& refund_booking);
  std::optional<std::string> succeeded(ports::Transaction& tx, const PaymentEvent& event,
                                       PaymentRecord& payment, std::int64_t now);
  void refunded(ports::Transaction& tx, const PaymentEvent& event, PaymentRecord& payment,
                std::int64_t now);
  bool refund_failed(ports::Transaction& tx, const PaymentEvent& event,
                     const PaymentRecord& payment, std::int64_t now);

  ports::UnitOfWork& work_;
  const Clock& clock_;
  PaymentGateway& gateway_;
  SettlePayment& bookings_;
  Refunds& refunds_;
  const PaymentSettings& settings_;
};

}  // namespace confer::app
