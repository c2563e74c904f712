#include "integrations/sandbox_payments.hpp"

#include "integrations/stripe/stripe_events.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::integrations {

app::Intent SandboxPayments::create_intent(const app::IntentRequest&) {
  auto id = "pi_sandbox_" + security::hex_encode(security::random_bytes(12));
  return {"sandbox", id, id + "_secret_" + security::random_token(18)};
}

std::string SandboxPayments::refund(const app::RefundRequest&) {
  return "re_sandbox_" + security::hex_encode(security::random_bytes(12));
}

app::ConnectedAccount SandboxPayments::create_account(const std::string&, const std::string&,
                                                      const std::string&) {
  return {"acct_sandbox_" + security::hex_encode(security::random_bytes(8)), false, false, false};
}

std::string SandboxPayments::account_link(const std::string& account_id, const std::string&,
                                          const std::string&, const std::string&) {
  return api_url_ + "/api/payments/sandbox-onboarding/" + account_id;
}

app::PaymentEvent SandboxPayments::read_event(std::string_view body) const {
  return parse_stripe_event(body);
}

std::string SandboxPayments::event_body(const app::PaymentEvent& event) const {
  return stripe_event_body(event);
}

}  // namespace confer::integrations
