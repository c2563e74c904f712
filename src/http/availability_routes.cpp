#include <boost/json.hpp>

#include "app/errors.hpp"
#include "domain/slot_id.hpp"
#include "http/json/availability.hpp"
#include "http/json/slot.hpp"
#include "http/json_body.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"
#include "http/slot_cache.hpp"

namespace confer::http {
namespace {

domain::AvailabilityRules read_rules(const Request& request) {
  auto body = json_object_body(request);
  auto parsed = domain::parse_availability(body);
  if (auto* errors = std::get_if<domain::FieldErrors>(&parsed))
    throw app::Error::validation(*errors);
  return std::get<domain::AvailabilityRules>(parsed);
}

app::SlotRange range_of(const Request& request) {
  return {query_date(request, "from"), query_date(request, "to"), query_instant(request, "after")};
}

domain::SlotRef slot_ref(const Request& request) {
  auto ref = domain::parse_slot_id(request.param("slotId"));
  if (!ref) throw app::Error::not_found("The slot");
  return *ref;
}

std::string zone_for(const Request& request, app::AvailabilityService& availability,
                     const std::string& specialist_id) {
  if (auto tz = query_zone(request, "tz")) return *tz;
  auto view = availability.find(specialist_id);
  return view ? view->rules.timezone : "UTC";
}

Response generate(const Request& request, app::AvailabilityService& availability) {
  auto body = json_object_body(request);
  FieldReader reader(body);
  auto service_id = reader.optional_string("serviceId", 1, 64);
  app::SlotRange range;
  for (auto [key, target] : {std::pair{"from", &range.from}, std::pair{"to", &range.to}})
    if (auto text = reader.optional_string(key, 10, 10)) {
      *target = domain::parse_local_date(*text);
      if (!*target) reader.add_error(key, "must be a date as YYYY-MM-DD");
    }
  reader.finish();
  auto computed = availability.slots(request.caller().user_id, service_id, range, false);
  std::size_t count = 0;
  for (const auto& s : computed.services) count += s.slots.size();
  auto response = slots_response(computed, request);
  // Slots are computed from the rules on every request; "generating" them
  // returns what the rules produce now, with the count.
  response.body.insert(1, "\"generated\":" + std::to_string(count) + ",");
  return response;
}

// The specialist's rules.
void add_rules_routes(Router& router, app::AvailabilityService& availability) {
  const auto specialist = Access::roles({"specialist"});
  router.add("GET", "/api/availability", specialist, [&availability](Request& request) {
    auto view = availability.find(request.caller().user_id);
    if (!view)
      throw app::Error::not_found("Your availability (set it with POST /api/availability)");
    return Response::json(200, json::availability(*view));
  });
  router.add("POST", "/api/availability", specialist, [&availability](Request& request) {
    auto view = availability.create(request.caller().user_id, read_rules(request));
    return Response::json(201, json::availability(view))
        .with_header("Location", "/api/availability/" + view.record.id);
  });
  router.add("PUT", "/api/availability/:id", specialist, [&availability](Request& request) {
    auto view =
        availability.update(request.caller().user_id, request.param("id"), read_rules(request));
    return Response::json(200, json::availability(view));
  });
}

// The specialist's own slots: every status, generation, blocking.
void add_own_slot_routes(Router& router, app::AvailabilityService& availability) {
  const auto specialist = Access::roles({"specialist"});
  // The caller's own slots with every status (a calendar of their week).
  router.add("GET", "/api/availability/slots", specialist, [&availability](Request& request) {
    return slots_response(availability.slots(request.caller().user_id, request.query("serviceId"),
                                             range_of(request), true),
                          request);
  });
  router.add("POST", "/api/availability/slots/generate", specialist,
             [&availability](Request& request) { return generate(request, availability); });
  router.add("POST", "/api/slots/bulk/generate", specialist,
             [&availability](Request& request) { return generate(request, availability); });

  auto block = [&availability](Request& request) {
    auto ref = slot_ref(request);
    auto body = json_object_body(request);
    FieldReader reader(body);
    auto reason = reader.optional_string("reason", 0, 500).value_or("");
    reader.finish();
    auto check = availability.block(request.caller().user_id, ref.service_id, ref.start, reason);
    return Response::json(
        200, json::slot(check, zone_for(request, availability, check.service.specialist_id)));
  };
  router.add("POST", "/api/availability/slots/:slotId/block", specialist, block);
}

// Anyone's view of a specialist's slots, through the response cache.
void add_public_slot_routes(Router& router, std::shared_ptr<SlotResponseCache> cache) {
  auto calendar = [cache](Request& request) {
    return cache->respond(request, request.param("specialistId"), true);
  };
  auto available = [cache](Request& request) {
    return cache->respond(request, request.param("specialistId"), false);
  };
  router.add("GET", "/api/availability/:specialistId/calendar", Access::anyone(), calendar);
  router.add("GET", "/api/slots/specialist/:specialistId/calendar", Access::anyone(), calendar);
  router.add("GET", "/api/availability/:specialistId/slots", Access::anyone(), available);
  router.add("GET", "/api/specialists/:specialistId/slots", Access::anyone(), available);

  router.add("GET", "/api/slots/available", Access::anyone(), [cache](Request& request) {
    auto specialist_id = request.query("specialistId");
    if (!specialist_id || specialist_id->empty())
      throw app::Error::invalid_field("specialistId", "is required");
    return cache->respond(request, *specialist_id, false);
  });
}

// One slot: read by anyone (published), changed by its specialist.
void add_one_slot_routes(Router& router, app::AvailabilityService& availability) {
  const auto specialist = Access::roles({"specialist"});
  router.add("GET", "/api/slots/:slotId", Access::anyone(), [&availability](Request& request) {
    auto ref = slot_ref(request);
    auto check = availability.check_slot(ref.service_id, ref.start);
    if (!check ||
        (!check->service.published &&
         (!request.principal() || request.principal()->user_id != check->service.specialist_id)))
      throw app::Error::not_found("The slot");
    return Response::json(
        200, json::slot(*check, zone_for(request, availability, check->service.specialist_id)));
  });

  router.add("PUT", "/api/slots/:slotId", specialist, [&availability](Request& request) {
    auto ref = slot_ref(request);
    auto body = json_object_body(request);
    FieldReader reader(body);
    auto status = reader.required_string("status", 1, 20);
    auto reason = reader.optional_string("reason", 0, 500).value_or("");
    if (status && *status != "blocked" && *status != "available")
      reader.add_error("status", "must be \"blocked\" or \"available\"");
    reader.finish();
    auto check =
        *status == "blocked"
            ? availability.block(request.caller().user_id, ref.service_id, ref.start, reason)
            : availability.unblock(request.caller().user_id, ref.service_id, ref.start);
    return Response::json(
        200, json::slot(check, zone_for(request, availability, check.service.specialist_id)));
  });

  // A computed slot cannot be erased; deleting it blocks it.
  router.add("DELETE", "/api/slots/:slotId", specialist, [&availability](Request& request) {
    auto ref = slot_ref(request);
    availability.block(request.caller().user_id, ref.service_id, ref.start, "deleted");
    return Response::no_content();
  });
}

}  // namespace

void register_availability_routes(Router& router, app::AvailabilityService& availability,
                                  const app::Clock& clock) {
  add_rules_routes(router, availability);
  add_own_slot_routes(router, availability);
  add_public_slot_routes(router, std::make_shared<SlotResponseCache>(availability, clock));
  add_one_slot_routes(router, availability);
}

}  // namespace confer::http
