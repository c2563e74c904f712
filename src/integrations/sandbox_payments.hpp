#pragma once
// The zero-setup payment provider: intents with Stripe-shaped ids, confirmed
// on Confer's own TEST MODE page, which then delivers a webhook event signed
// exactly as Stripe signs it to the same handler Stripe's events reach.
#include "app/payment_gateway.hpp"

namespace confer::integrations {

class SandboxPayments final : public app::PaymentGateway {
 public:
  std::string name() const override { return "sandbox"; }
  app::Intent create_intent(const app::IntentRequest& request) override;
  std::string refund(const app::RefundRequest& request) override;
};

}  // namespace confer::integrations
