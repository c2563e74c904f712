#pragma once
// Slots in responses. Lists are written as JSON by hand: a 30-day list has
// hundreds of slots and building a boost::json tree for each would cost more
// than computing them. A single slot (GET /slots/:slotId) is a small object.
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "app/availability_service.hpp"
#include "domain/local_time.hpp"
#include "domain/slot_engine.hpp"

namespace confer::http::json {

struct SlotListing {
  std::string specialist_id;
  std::string service_id;
  int duration_minutes = 0;
  std::int64_t price = 0;
  std::string currency;
};

// Writes {"id","start","end","startLocal","duration","price","currency",
// "serviceId","status"} for the slots of one listing; the text that is the same
// for every slot is prepared once.
class SlotWriter {
 public:
  explicit SlotWriter(const SlotListing& listing);
  void append(std::string& out, const domain::Slot& slot, domain::WallClock& viewer_clock) const;
  static constexpr std::size_t typical_size = 300;  // bytes per slot, for reserve()

 private:
  std::string id_prefix_;  // {"id":"<serviceId>.
  std::string tail_;       // ,"duration":…,"status":"
};

// Appends the slots comma-separated (no brackets); `first_item` false puts a
// comma before the first one.
void append_slots(std::string& out, const std::vector<domain::Slot>& slots,
                  const SlotListing& listing, domain::WallClock& viewer_clock,
                  bool first_item = true);

// {"timezone", "specialistTimezone", "specialistId", "slots": [...], "nextAfter"}
// with the slots of every service merged in time order; startLocal in
// `viewer_zone` (an IANA name the caller has checked).
std::string slot_list(const app::SlotComputation& computed, const std::string& viewer_zone);

// One slot as the list writes it, plus specialistId; startLocal in `viewer_zone`.
boost::json::object slot(const app::SlotCheck& check, const std::string& viewer_zone);

// A free time named by where it starts: {"start", "serviceId", "slotId"}.
boost::json::object slot_start(domain::Instant start, const std::string& service_id);

}  // namespace confer::http::json
