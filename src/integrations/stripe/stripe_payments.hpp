#pragma once
// Payments through Stripe when STRIPE_SECRET_KEY is set: PaymentIntents as
// destination charges to the specialist's Express account with the platform
// fee as application_fee_amount; refunds that reverse the transfer; Connect
// Express onboarding.
#include "app/payment_events.hpp"
#include "app/payment_gateway.hpp"
#include "integrations/stripe/stripe_client.hpp"

namespace confer::integrations {

// The form fields of each request, pure, so they can be checked alone.
FormFields intent_fields(const app::IntentRequest& request);
FormFields refund_fields(const app::RefundRequest& request);
FormFields account_fields(const std::string& user_id, const std::string& email);
FormFields account_link_fields(const std::string& account_id, const std::string& return_url,
                               const std::string& refresh_url);

// What Confer keeps of each answer, pure as well. The id (or the link's url)
// must be there, else the answer is an upstream error; every other field is
// optional, since a mock such as Prism answers with placeholders.
app::Intent intent_of(const boost::json::object& intent);
std::string refund_id_of(const boost::json::object& refund);
app::ConnectedAccount account_of(const boost::json::object& account);
std::string account_link_url_of(const boost::json::object& link);

class StripePayments final : public app::PaymentGateway {
 public:
  explicit StripePayments(StripeClientSettings settings) : client_(std::move(settings)) {}

  std::string name() const override { return "stripe"; }
  app::Intent create_intent(const app::IntentRequest& request) override;
  std::string refund(const app::RefundRequest& request) override;
  app::ConnectedAccount create_account(const std::string& user_id, const std::string& email,
                                       const std::string& idempotency_key) override;
  std::string account_link(const std::string& account_id, const std::string& return_url,
                           const std::string& refresh_url,
                           const std::string& idempotency_key) override;
  app::PaymentEvent read_event(std::string_view body) const override;
  std::string event_body(const app::PaymentEvent& event) const override;

 private:
  StripeClient client_;
};

}  // namespace confer::integrations
