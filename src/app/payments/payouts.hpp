#pragma once
// A specialist's payout account (Stripe Connect): made on first use, then a
// fresh one-time onboarding link whenever they ask; the sandbox completes
// onboarding with an event signed as Stripe signs it.
#include <optional>
#include <string>
#include <utility>

#include "app/clock.hpp"
#include "app/payment_gateway.hpp"
#include "app/payments/payment_webhooks.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

class Payouts {
 public:
  Payouts(ports::UnitOfWork& work, const Clock& clock, PaymentGateway& gateway,
          PaymentWebhooks& webhooks, const PaymentSettings& settings)
      : work_(work), clock_(clock), gateway_(gateway), webhooks_(webhooks), settings_(settings) {}

  std::pair<PayoutAccountRecord, std::string> onboarding_link(const std::string& user_id);
  std::optional<PayoutAccountRecord> account(const std::string& user_id);
  void sandbox_complete_onboarding(const std::string& account_id);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
  PaymentGateway& gateway_;
  PaymentWebhooks& webhooks_;
  const PaymentSettings& settings_;
};

}  // namespace confer::app
