#pragma once
// The port to a payment provider. Stripe's PaymentIntents are the model: an
// intent for an amount, confirmed by the customer in the browser, reported
// back by a signed webhook. The sandbox provider walks the same path.
#include <cstdint>
#include <string>

namespace confer::app {

struct IntentRequest {
  std::int64_t amount = 0;
  std::string currency;  // upper case; providers may want lower case
  std::int64_t platform_fee = 0;
  std::string idempotency_key;  // derived from our ids, so retries create nothing twice
  std::string booking_id;
  std::string description;
};

struct Intent {
  std::string provider;  // "stripe" or "sandbox"
  std::string provider_payment_id;
  std::string client_secret;
};

struct RefundRequest {
  std::string provider_payment_id;
  std::int64_t amount = 0;
  std::string idempotency_key;
};

class PaymentGateway {
 public:
  virtual ~PaymentGateway() = default;
  virtual std::string name() const = 0;
  virtual Intent create_intent(const IntentRequest& request) = 0;
  // Gives `amount` back; returns the provider's refund id. Throws on failure.
  virtual std::string refund(const RefundRequest& request) = 0;
};

}  // namespace confer::app
