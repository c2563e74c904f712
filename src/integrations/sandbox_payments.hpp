#pragma once
// The zero-setup payment provider: intents with Stripe-shaped ids, confirmed
// on Confer's own TEST MODE page, which then delivers a webhook event signed
// exactly as Stripe signs it to the same handler Stripe's events reach.
#include "app/payment_events.hpp"
#include "app/payment_gateway.hpp"

namespace confer::integrations {

class SandboxPayments final : public app::PaymentGateway {
 public:
  std::string name() const override { return "sandbox"; }
  app::Intent create_intent(const app::IntentRequest& request) override;
  std::string refund(const app::RefundRequest& request) override;
  // Connect in the sandbox: an account that is ready once its TEST MODE
  // onboarding page is completed (the page sends account.updated).
  app::ConnectedAccount create_account(const std::string& user_id, const std::string& email,
                                       const std::string& idempotency_key) override;
  std::string account_link(const std::string& account_id, const std::string& return_url,
                           const std::string& refresh_url,
                           const std::string& idempotency_key) override;
  // Its events are Stripe's, made by the TEST MODE pages.
  app::PaymentEvent read_event(std::string_view body) const override;
  std::string event_body(const app::PaymentEvent& event) const override;

  explicit SandboxPayments(std::string api_url = "") : api_url_(std::move(api_url)) {}

 private:
  std::string api_url_;
};

}  // namespace confer::integrations
