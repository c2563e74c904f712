#pragma once
// A payment provider's webhook event, in the words the payment use cases
// apply it in. The provider's integration reads its own format into this
// (Stripe's: integrations/stripe/stripe_events); the use cases never read
// the provider's JSON.
#include <cstdint>
#include <optional>
#include <string>

#include "app/payment_gateway.hpp"

namespace confer::app {

enum class PaymentEventType {
  payment_succeeded,  // the customer paid the intent
  payment_failed,     // the intent's payment attempt was declined
  charge_refunded,    // the provider's running total of refunds on the charge grew
  refund_updated,     // a refund changed state (it may have failed)
  account_updated,    // a connected account's capabilities changed
  other,              // recorded (so never applied twice), then ignored
};

struct PaymentEvent {
  std::string id;         // the provider's event id: each is applied once
  std::string type_name;  // the provider's own name for the type, recorded with the id
  PaymentEventType type = PaymentEventType::other;
  std::int64_t created_s = 0;  // when the provider made it, Unix seconds (0: not said)

  // The intent the event is about: the intent itself, or the one a charge or
  // refund names. Empty for an account event.
  std::string provider_payment_id;

  // payment_succeeded: what the provider took (the amount received, else the
  // intent's amount) and in which currency, as the provider writes it.
  std::int64_t amount_received = 0;
  std::string currency;
  // payment_failed: the decline's message when the provider reported an error.
  std::optional<std::string> failure_message;
  // charge_refunded: everything refunded on the charge so far.
  std::int64_t amount_refunded = 0;
  // refund_updated
  std::string refund_id;
  std::string refund_status;  // "succeeded", "pending", "failed", "canceled", …
  std::string refund_failure_reason;
  // account_updated
  ConnectedAccount account;
};

}  // namespace confer::app
