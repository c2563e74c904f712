#include "integrations/stripe/stripe_payments.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "app/errors.hpp"
#include "integrations/stripe/stripe_events.hpp"

namespace confer::integrations {
namespace {

std::string text(const boost::json::object& object, std::string_view key) {
  auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

bool flag(const boost::json::object& object, std::string_view key) {
  auto* value = object.if_contains(key);
  return value && value->is_bool() && value->as_bool();
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Stripe's refusal, as the use cases report it (502 with Stripe's message).
template <typename Call>
auto reported(Call call) {
  try {
    return call();
  } catch (const StripeError& error) {
    throw app::Error(app::ErrorKind::upstream, std::string("Stripe: ") + error.what());
  }
}

}  // namespace

FormFields intent_fields(const app::IntentRequest& request) {
  FormFields fields{{"amount", std::to_string(request.amount)},
                    {"currency", lower(request.currency)},
                    {"automatic_payment_methods[enabled]", "true"},
                    {"description", request.description},
                    {"metadata[booking_id]", request.booking_id}};
  if (request.destination_account) {
    fields.emplace_back("application_fee_amount", std::to_string(request.platform_fee));
    fields.emplace_back("transfer_data[destination]", *request.destination_account);
  }
  return fields;
}

FormFields refund_fields(const app::RefundRequest& request) {
  FormFields fields{{"payment_intent", request.provider_payment_id},
                    {"amount", std::to_string(request.amount)}};
  if (request.reverse_transfer) fields.emplace_back("reverse_transfer", "true");
  if (request.refund_application_fee) fields.emplace_back("refund_application_fee", "true");
  return fields;
}

FormFields account_fields(const std::string& user_id, const std::string& email) {
  return {{"type", "express"},
          {"email", email},
          {"capabilities[card_payments][requested]", "true"},
          {"capabilities[transfers][requested]", "true"},
          {"metadata[user_id]", user_id}};
}

FormFields account_link_fields(const std::string& account_id, const std::string& return_url,
                               const std::string& refresh_url) {
  return {{"account", account_id},
          {"refresh_url", refresh_url},
          {"return_url", return_url},
          {"type", "account_onboarding"}};
}

app::Intent intent_of(const boost::json::object& intent) {
  auto id = text(intent, "id");
  if (id.empty())
    throw app::Error(app::ErrorKind::upstream, "Stripe returned a payment intent without an id.");
  return {"stripe", id, text(intent, "client_secret")};
}

std::string refund_id_of(const boost::json::object& refund) {
  auto id = text(refund, "id");
  if (id.empty())
    throw app::Error(app::ErrorKind::upstream, "Stripe returned a refund without an id.");
  return id;
}

app::ConnectedAccount account_of(const boost::json::object& account) {
  auto id = text(account, "id");
  if (id.empty())
    throw app::Error(app::ErrorKind::upstream, "Stripe returned an account without an id.");
  return {id, flag(account, "charges_enabled"), flag(account, "payouts_enabled"),
          flag(account, "details_submitted")};
}

std::string account_link_url_of(const boost::json::object& link) {
  auto url = text(link, "url");
  if (url.empty())
    throw app::Error(app::ErrorKind::upstream, "Stripe returned an account link without a url.");
  return url;
}

app::Intent StripePayments::create_intent(const app::IntentRequest& request) {
  return intent_of(reported([&] {
    return client_.post("/v1/payment_intents", intent_fields(request), request.idempotency_key);
  }));
}

std::string StripePayments::refund(const app::RefundRequest& request) {
  return refund_id_of(reported([&] {
    return client_.post("/v1/refunds", refund_fields(request), request.idempotency_key);
  }));
}

app::ConnectedAccount StripePayments::create_account(const std::string& user_id,
                                                     const std::string& email,
                                                     const std::string& idempotency_key) {
  return account_of(reported([&] {
    return client_.post("/v1/accounts", account_fields(user_id, email), idempotency_key);
  }));
}

std::string StripePayments::account_link(const std::string& account_id,
                                         const std::string& return_url,
                                         const std::string& refresh_url,
                                         const std::string& idempotency_key) {
  return account_link_url_of(reported([&] {
    return client_.post("/v1/account_links",
                        account_link_fields(account_id, return_url, refresh_url), idempotency_key);
  }));
}

app::PaymentEvent StripePayments::read_event(std::string_view body) const {
  return parse_stripe_event(body);
}

std::string StripePayments::event_body(const app::PaymentEvent& event) const {
  return stripe_event_body(event);
}

}  // namespace confer::integrations
