#include "fakes/booking_world.hpp"

namespace confer::fakes {

app::UserRecord& add_user(BookingWorld& world, const std::string& id, const std::string& role,
                          const std::string& zone) {
  auto& user = world.users[id];
  user = {};
  user.id = id;
  user.email = id + "@x.co";
  user.name = id;
  user.role = role;
  user.timezone = zone;
  return user;
}

void open_every_day(BookingWorld& world, const std::string& specialist_id, const std::string& start,
                    const std::string& end, const std::string& zone) {
  std::string days;
  for (const char* day :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    days += std::string(days.empty() ? "" : ",") + "\"" + day + R"(":{"start":")" + start +
            R"(","end":")" + end + "\"}";
  world.availability[specialist_id] = {
      "rules-" + specialist_id,
      specialist_id,
      zone,
      R"({"timezone":")" + zone +
          R"(","maxAdvanceBooking":730,"slotDuration":[60],"workingHours":{)" + days + "}}",
      0,
      0};
}

app::ServiceRecord& add_service(BookingWorld& world, const std::string& id,
                                const std::string& specialist_id, std::int64_t price) {
  auto& service = world.services[id];
  service = {};
  service.id = id;
  service.specialist_id = specialist_id;
  service.title = id;
  service.duration_minutes = 60;
  service.price = price;
  service.cancellation_deadline_hours = 24;
  service.refund_policy = "percentage";
  service.refund_percentage = 50;
  service.published = true;
  return service;
}

}  // namespace confer::fakes
