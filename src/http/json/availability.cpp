#include "http/json/availability.hpp"

#include "http/json/instant.hpp"

namespace confer::http::json {

boost::json::object public_availability(const app::AvailabilityView& view) {
  auto json = domain::availability_to_json(view.rules);
  json["id"] = view.record.id;
  json["specialistId"] = view.record.specialist_id;
  return json;
}

boost::json::object availability(const app::AvailabilityView& view) {
  auto json = public_availability(view);
  json["createdAt"] = iso_utc(view.record.created_at);
  json["updatedAt"] = iso_utc(view.record.updated_at);
  return json;
}

}  // namespace confer::http::json
