#include "integrations/stripe/stripe_events.hpp"

#include <boost/json.hpp>

#include "app/errors.hpp"

namespace confer::integrations {
namespace {

using app::PaymentEventType;

// A missing field, or one of another JSON type, reads as empty, zero or false.
std::string text_at(const boost::json::object& object, std::string_view key) {
  auto found = object.find(key);
  return found != object.end() && found->value().is_string()
             ? std::string(found->value().as_string())
             : std::string();
}

std::int64_t integer_at(const boost::json::object& object, std::string_view key) {
  auto found = object.find(key);
  return found != object.end() && found->value().is_int64() ? found->value().as_int64() : 0;
}

bool flag_at(const boost::json::object& object, std::string_view key) {
  auto found = object.find(key);
  return found != object.end() && found->value().is_bool() && found->value().as_bool();
}

struct TypeName {
  PaymentEventType type;
  std::string_view name;
};

constexpr TypeName type_names[] = {
    {PaymentEventType::payment_succeeded, "payment_intent.succeeded"},
    {PaymentEventType::payment_failed, "payment_intent.payment_failed"},
    {PaymentEventType::charge_refunded, "charge.refunded"},
    {PaymentEventType::refund_updated, "refund.updated"},
    {PaymentEventType::account_updated, "account.updated"},
};

PaymentEventType type_of(std::string_view name) {
  for (const auto& known : type_names)
    if (known.name == name) return known.type;
  return PaymentEventType::other;
}

std::string name_of(const app::PaymentEvent& event) {
  for (const auto& known : type_names)
    if (known.type == event.type) return std::string(known.name);
  return event.type_name;
}

// What each type carries in data.object.
void read_object(const boost::json::object& object, app::PaymentEvent& event) {
  // A charge or refund names its PaymentIntent; an intent event is one.
  event.provider_payment_id = event.type_name.starts_with("payment_intent.")
                                  ? text_at(object, "id")
                                  : text_at(object, "payment_intent");
  switch (event.type) {
    case PaymentEventType::payment_succeeded:
      event.amount_received =
          integer_at(object, object.contains("amount_received") ? "amount_received" : "amount");
      event.currency = text_at(object, "currency");
      break;
    case PaymentEventType::payment_failed:
      if (const auto* error = object.if_contains("last_payment_error"); error && error->is_object())
        event.failure_message = text_at(error->as_object(), "message");
      break;
    case PaymentEventType::charge_refunded:
      event.amount_refunded = integer_at(object, "amount_refunded");
      break;
    case PaymentEventType::refund_updated:
      event.refund_id = text_at(object, "id");
      event.refund_status = text_at(object, "status");
      event.refund_failure_reason = text_at(object, "failure_reason");
      break;
    case PaymentEventType::account_updated:
      event.provider_payment_id.clear();
      event.account = {text_at(object, "id"), flag_at(object, "charges_enabled"),
                       flag_at(object, "payouts_enabled"), flag_at(object, "details_submitted")};
      break;
    case PaymentEventType::other:
      break;
  }
}

boost::json::object intent_object(const app::PaymentEvent& event) {
  const bool paid = event.type == PaymentEventType::payment_succeeded;
  boost::json::object intent{{"id", event.provider_payment_id},
                             {"object", "payment_intent"},
                             {"amount", event.amount_received},
                             {"currency", event.currency},
                             {"status", paid ? "succeeded" : "requires_payment_method"}};
  if (paid) intent["amount_received"] = event.amount_received;
  if (event.failure_message) intent["last_payment_error"] = {{"message", *event.failure_message}};
  return intent;
}

boost::json::object data_object(const app::PaymentEvent& event) {
  switch (event.type) {
    case PaymentEventType::payment_succeeded:
    case PaymentEventType::payment_failed:
      return intent_object(event);
    case PaymentEventType::charge_refunded:
      return {{"object", "charge"},
              {"payment_intent", event.provider_payment_id},
              {"amount_refunded", event.amount_refunded}};
    case PaymentEventType::refund_updated:
      return {{"id", event.refund_id},
              {"object", "refund"},
              {"payment_intent", event.provider_payment_id},
              {"status", event.refund_status},
              {"failure_reason", event.refund_failure_reason}};
    case PaymentEventType::account_updated:
      return {{"id", event.account.id},
              {"object", "account"},
              {"charges_enabled", event.account.charges_enabled},
              {"payouts_enabled", event.account.payouts_enabled},
              {"details_submitted", event.account.details_submitted}};
    case PaymentEventType::other:
      break;
  }
  if (event.type_name.starts_with("payment_intent."))
    return {{"id", event.provider_payment_id}, {"object", "payment_intent"}};
  return {{"payment_intent", event.provider_payment_id}};
}

}  // namespace

app::PaymentEvent parse_stripe_event(std::string_view body) {
  boost::system::error_code error;
  auto json = boost::json::parse(body, error);
  if (error || !json.is_object())
    throw app::Error::bad_request("The webhook body is not a JSON object.");
  const auto& event = json.as_object();
  app::PaymentEvent parsed;
  parsed.id = text_at(event, "id");
  parsed.type_name = text_at(event, "type");
  const auto* data = event.if_contains("data");
  const auto* object =
      data && data->is_object() ? data->as_object().if_contains("object") : nullptr;
  if (parsed.id.empty() || parsed.type_name.empty() || !object || !object->is_object())
    throw app::Error::bad_request("The webhook event lacks id, type or data.object.");
  parsed.type = type_of(parsed.type_name);
  parsed.created_s = integer_at(event, "created");
  read_object(object->as_object(), parsed);
  return parsed;
}

std::string stripe_event_body(const app::PaymentEvent& event) {
  return boost::json::serialize(boost::json::object{{"id", event.id},
                                                    {"object", "event"},
                                                    {"type", name_of(event)},
                                                    {"created", event.created_s},
                                                    {"data", {{"object", data_object(event)}}}});
}

}  // namespace confer::integrations
