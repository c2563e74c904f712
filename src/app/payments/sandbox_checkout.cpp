#include "app/payments/sandbox_checkout.hpp"

#include "app/errors.hpp"
#include "app/payment_events.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"
#include "security/webhook_signature.hpp"

namespace confer::app {

std::optional<PaymentRecord> SandboxCheckout::find(const std::string& provider_payment_id) {
  std::optional<PaymentRecord> payment;
  work_.read([&](ports::Transaction& tx) {
    payment = tx.payments().find_by_provider_id("sandbox", provider_payment_id);
  });
  return payment;
}

PaymentRecord SandboxCheckout::decide(const std::string& provider_payment_id, bool pay) {
  auto payment = find(provider_payment_id);
  if (!payment || gateway_.name() != "sandbox") throw Error::not_found("The test payment");
  PaymentEvent event;
  event.id = "evt_sandbox_" + security::hex_encode(security::random_bytes(12));
  event.type = pay ? PaymentEventType::payment_succeeded : PaymentEventType::payment_failed;
  event.created_s = clock_.now_seconds();
  event.provider_payment_id = payment->provider_payment_id;
  event.amount_received = payment->amount;
  event.currency = payment->currency;
  if (!pay) event.failure_message = "The test card was declined.";
  const auto body = gateway_.event_body(event);
  webhooks_.handle(body, security::stripe_signature_header(settings_.webhook_secret, body,
                                                           clock_.now_seconds()));
  return *find(provider_payment_id);
}

}  // namespace confer::app
