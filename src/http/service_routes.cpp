#include <boost/json.hpp>

#include "app/errors.hpp"
#include "domain/money.hpp"
#include "http/json/service.hpp"
#include "http/json_body.hpp"
#include "http/routes.hpp"

namespace confer::http {
namespace {

// Reads a service body. `creating` makes title, duration, price and currency
// required; an update takes any subset.
app::ServiceChanges read_service(const boost::json::object& body, bool creating) {
  FieldReader reader(body);
  app::ServiceChanges changes;
  changes.title =
      creating ? reader.required_string("title", 1, 120) : reader.optional_string("title", 1, 120);
  if (reader.has("description"))
    changes.description = reader.optional_string("description", 0, 5000);
  auto duration = creating ? reader.required_integer("duration", 5, 480)
                           : reader.optional_integer("duration", 5, 480);
  if (duration) changes.duration_minutes = static_cast<int>(*duration);
  changes.price = creating ? reader.required_integer("price", 0, 100'000'000)
                           : reader.optional_integer("price", 0, 100'000'000);
  auto currency = creating ? reader.required_string("currency", 3, 3)
                           : reader.optional_string("currency", 3, 3);
  if (currency) {
    if (!domain::find_currency(*currency))
      reader.add_error("currency", "must be an upper-case ISO 4217 code Confer accepts, e.g. USD");
    else
      changes.currency = currency;
  }
  changes.tags = reader.optional_string_list("tags", 20, 40);
  if (auto policy = body.find("cancellationPolicy");
      policy != body.end() && !policy->value().is_null()) {
    if (!policy->value().is_object()) {
      reader.add_error("cancellationPolicy", "must be an object");
    } else {
      FieldReader inner(policy->value().as_object(), "cancellationPolicy");
      if (auto hours = inner.optional_integer("deadlineHours", 0, 720))
        changes.cancellation_deadline_hours = static_cast<int>(*hours);
      if (auto refund = inner.optional_string("refund", 1, 20)) {
        if (*refund != "full" && *refund != "percentage" && *refund != "none")
          inner.add_error("refund", "must be \"full\", \"percentage\" or \"none\"");
        else
          changes.refund_policy = refund;
      }
      if (auto percentage = inner.optional_integer("refundPercentage", 0, 100))
        changes.refund_percentage = static_cast<int>(*percentage);
      if (changes.refund_policy == "percentage" && !changes.refund_percentage)
        inner.add_error("refundPercentage", "is required when refund is \"percentage\"");
      for (const auto& error : inner.errors()) reader.add_error(error.field, error.message);
    }
  }
  changes.published = reader.optional_bool("published");
  reader.finish();
  return changes;
}

std::string viewer(const Request& request) {
  return request.principal() ? request.principal()->user_id : "";
}

}  // namespace

void register_service_routes(Router& router, app::ServiceCatalog& catalog) {
  router.add("POST", "/api/services", Access::roles({"specialist"}), [&catalog](Request& request) {
    auto draft = read_service(json_object_body(request), true);
    auto service = catalog.create(request.caller().user_id, draft);
    return Response::json(201, json::service(service))
        .with_header("Location", "/api/services/" + service.id);
  });

  // ?specialistId=… lists that specialist's published services (all of them
  // for the specialist); a specialist without the filter gets their own.
  router.add("GET", "/api/services", Access::anyone(), [&catalog](Request& request) {
    auto specialist_id = request.query("specialistId").value_or("");
    if (specialist_id.empty() && request.principal() && request.principal()->role == "specialist")
      specialist_id = request.principal()->user_id;
    if (specialist_id.empty()) throw app::Error::invalid_field("specialistId", "is required");
    boost::json::array items;
    for (const auto& service : catalog.list(specialist_id, viewer(request)))
      items.push_back(json::service(service));
    return Response::json(200, {{"items", std::move(items)}});
  });

  router.add("GET", "/api/services/:serviceId", Access::anyone(), [&catalog](Request& request) {
    return Response::json(200,
                          json::service(catalog.get(request.param("serviceId"), viewer(request))));
  });

  router.add("PUT", "/api/services/:serviceId", Access::roles({"specialist"}),
             [&catalog](Request& request) {
               auto changes = read_service(json_object_body(request), false);
               return Response::json(
                   200, json::service(catalog.update(request.caller().user_id,
                                                     request.param("serviceId"), changes)));
             });

  router.add("DELETE", "/api/services/:serviceId", Access::roles({"specialist"}),
             [&catalog](Request& request) {
               catalog.remove(request.caller().user_id, request.param("serviceId"));
               return Response::no_content();
             });

  for (const auto& [action, published] :
       {std::pair{"publish", true}, std::pair{"unpublish", false}}) {
    router.add("POST", std::string("/api/services/:serviceId/") + action,
               Access::roles({"specialist"}), [&catalog, published = published](Request& request) {
                 app::ServiceChanges changes;
                 changes.published = published;
                 return Response::json(
                     200, json::service(catalog.update(request.caller().user_id,
                                                       request.param("serviceId"), changes)));
               });
  }
}

}  // namespace confer::http
