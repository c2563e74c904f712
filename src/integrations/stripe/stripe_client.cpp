#include "integrations/stripe/stripe_client.hpp"

#include <boost/json.hpp>
#include <thread>

#include "log.hpp"

namespace confer::integrations {
namespace {

// "https://api.stripe.com/v1/refunds" → "/v1/refunds"
std::string path_of(const std::string& url) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

}  // namespace

bool stripe_retryable(long status) {
  return status == 0 || status == 409 || status >= 500;
}

std::pair<std::string, std::string> stripe_error_of(long status, const std::string& body) {
  boost::system::error_code error;
  auto json = boost::json::parse(body, error);
  if (!error && json.is_object())
    if (auto* details = json.as_object().if_contains("error"); details && details->is_object()) {
      auto text = [&](const char* key) -> std::string {
        auto* value = details->as_object().if_contains(key);
        return value && value->is_string() ? std::string(value->as_string()) : std::string();
      };
      auto message = text("message");
      return {text("type"),
              message.empty() ? "Stripe answered " + std::to_string(status) : message};
    }
  return {"api_error", "Stripe answered " + std::to_string(status)};
}

boost::json::object stripe_result_of(long status, const std::string& body) {
  if (status < 200 || status >= 300) {
    auto [type, message] = stripe_error_of(status, body);
    throw StripeError(status, type, message);
  }
  boost::system::error_code error;
  auto json = boost::json::parse(body, error);
  if (error || !json.is_object())
    throw StripeError(status, "api_error", "Stripe answered with something that is not JSON.");
  return std::move(json.as_object());
}

boost::json::object StripeClient::post(const std::string& path, const FormFields& fields,
                                       const std::string& idempotency_key) const {
  HttpRequest request;
  request.method = "POST";
  request.url = settings_.api_base + path;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Idempotency-Key", idempotency_key}};
  request.body = form_urlencode(fields);
  return call(std::move(request));
}

boost::json::object StripeClient::get(const std::string& path) const {
  HttpRequest request;
  request.method = "GET";
  request.url = settings_.api_base + path;
  return call(std::move(request));
}

boost::json::object StripeClient::call(HttpRequest request) const {
  request.headers.emplace_back("Authorization", "Bearer " + settings_.secret_key);
  request.connect_timeout_seconds = 5;
  request.timeout_seconds = 20;
  auto backoff = settings_.first_backoff;
  for (int attempt = 1;; ++attempt) {
    long status = 0;
    std::string body;
    try {
      auto response = http_.send(request);
      status = response.status;
      body = std::move(response.body);
    } catch (const std::exception& failure) {
      // The detail names our own addresses (a proxy, a mock): the operator's
      // log gets it, the customer's answer does not.
      if (attempt >= settings_.attempts) {
        log::warn("Stripe could not be reached",
                  {{"path", path_of(request.url)}, {"error", failure.what()}});
        throw StripeError(0, "api_connection_error",
                          "Stripe could not be reached. Try again in a moment.");
      }
    }
    if (status != 0 && (!stripe_retryable(status) || attempt >= settings_.attempts))
      return stripe_result_of(status, body);
    std::this_thread::sleep_for(backoff);
    backoff *= 2;
  }
}

}  // namespace confer::integrations
