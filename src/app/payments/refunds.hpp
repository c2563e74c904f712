#pragma once
// Giving money back: what a booking's refund_amount promises and its payment
// has not yet returned, asked of the provider after the change that owed it
// has committed (never inside a transaction), with an idempotency key that
// names the running total, so a retry never refunds twice.
#include <cstdint>
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/payment_gateway.hpp"
#include "app/payments/payment_settings.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

class Refunds {
 public:
  Refunds(ports::UnitOfWork& work, const Clock& clock, PaymentGateway& gateway,
          const PaymentSettings& settings)
      : work_(work), clock_(clock), gateway_(gateway), settings_(settings) {}

  // Moves what is owed on the booking; the payment, if any.
  std::optional<PaymentRecord> settle(const std::string& booking_id);
  // A refund decided by the specialist (or an admin): all of what is left,
  // or `amount` minor units of it.
  PaymentRecord refund(const std::string& user_id, const std::string& role,
                       const std::string& payment_id, std::optional<std::int64_t> amount);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
  PaymentGateway& gateway_;
  const PaymentSettings& settings_;
};

}  // namespace confer::app
