#include "integrations/sandbox_payments.hpp"

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

}  // namespace confer::integrations
