#pragma once
// A specialist's availability in responses: the brief's object (see
// domain::availability_to_json) with its id and owner. The owner also sees
// when it was made and last changed; the public view leaves that out.
#include <boost/json/object.hpp>

#include "app/availability_service.hpp"

namespace confer::http::json {

boost::json::object availability(const app::AvailabilityView& view);
boost::json::object public_availability(const app::AvailabilityView& view);

}  // namespace confer::http::json
