#pragma once
// The port to a payment provider. Stripe's PaymentIntents are the model: an
// intent for an amount, confirmed by the customer in the browser, reported
// back by a signed webhook. The sandbox provider walks the same path.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace confer::app {

struct IntentRequest {
  std::int64_t amount = 0;
  std::string currency;  // upper case; providers may want lower case
  std::int64_t platform_fee = 0;
  std::string idempotency_key;  // derived from our ids, so retries create nothing twice
  std::string booking_id;
  std::string description;
  // The specialist's connected account: the charge is made on the platform
  // and transferred there, less `platform_fee` (a destination charge).
  std::optional<std::string> destination_account;
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
  // For a destination charge: take the refunded share back from the
  // specialist's account, and give back the platform fee (a full refund does).
  bool reverse_transfer = false;
  bool refund_application_fee = false;
};

// A specialist's connected (Express) account as the provider reports it.
struct PaymentEvent;

struct ConnectedAccount {
  std::string id;
  bool charges_enabled = false;
  bool payouts_enabled = false;
  bool details_submitted = false;
};

class PaymentGateway {
 public:
  virtual ~PaymentGateway() = default;
  virtual std::string name() const = 0;
  virtual Intent create_intent(const IntentRequest& request) = 0;
  // Gives `amount` back; returns the provider's refund id. Throws on failure.
  virtual std::string refund(const RefundRequest& request) = 0;

  // Connect onboarding for specialists: an Express account, and a one-time
  // link where the specialist gives the provider their details.
  virtual ConnectedAccount create_account(const std::string& user_id, const std::string& email,
                                          const std::string& idempotency_key) = 0;
  // A link is single-use and expires within minutes, so each request for one
  // gets its own key (the caller's); only a retry of that request reuses it.
  virtual std::string account_link(const std::string& account_id, const std::string& return_url,
                                   const std::string& refresh_url,
                                   const std::string& idempotency_key) = 0;

  // Its webhook events (the sandbox's are written as Stripe writes them).
  // The raw body, already signature-checked, as an event; throws
  // Error::bad_request when the body is not one.
  virtual PaymentEvent read_event(std::string_view body) const = 0;
  // The body of `event` in the same format: the sandbox delivers events it
  // makes itself through the same signed webhook as the provider's.
  virtual std::string event_body(const PaymentEvent& event) const = 0;
};

}  // namespace confer::app
