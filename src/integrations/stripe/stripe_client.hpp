#pragma once
// Stripe's REST API as Confer uses it: form-encoded POSTs with bracketed keys
// (`transfer_data[destination]`), a secret key as Bearer token, and an
// Idempotency-Key on every POST derived from our own ids, so that a retry can
// never create a second charge or refund. Retries only where Stripe says a
// retry is safe: no response at all, 409 (a concurrent request with the same
// key) and 5xx. Everything else is final and reported with Stripe's message.
#include <boost/json/object.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "integrations/http_client.hpp"

namespace confer::integrations {

using FormFields = std::vector<std::pair<std::string, std::string>>;

class StripeError : public std::runtime_error {
 public:
  StripeError(long status, std::string type, const std::string& message)
      : std::runtime_error(message), status_(status), type_(std::move(type)) {}
  long status() const { return status_; }  // 0: no response
  const std::string& type() const { return type_; }

 private:
  long status_;
  std::string type_;
};

// Whether a response (or its absence, status 0) may be retried with the
// same idempotency key.
bool stripe_retryable(long status);

// The error message in Stripe's {"error": {"type", "message"}} body, or a
// plain description when the body is not that.
std::pair<std::string, std::string> stripe_error_of(long status, const std::string& body);

// A final answer as the caller gets it: a 2xx body that is a JSON object, or
// a StripeError with Stripe's own type and message.
boost::json::object stripe_result_of(long status, const std::string& body);

struct StripeClientSettings {
  std::string secret_key;  // never logged
  std::string api_base = "https://api.stripe.com";
  int attempts = 3;
  std::chrono::milliseconds first_backoff{250};
};

class StripeClient {
 public:
  explicit StripeClient(StripeClientSettings settings) : settings_(std::move(settings)) {}

  boost::json::object post(const std::string& path, const FormFields& fields,
                           const std::string& idempotency_key) const;
  boost::json::object get(const std::string& path) const;

 private:
  boost::json::object call(HttpRequest request) const;
  StripeClientSettings settings_;
  HttpClient http_;
};

}  // namespace confer::integrations
