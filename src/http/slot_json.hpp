#pragma once
// Writes slot lists as JSON by hand: a 30-day list has hundreds of slots and
// building a boost::json tree for each would cost more than computing them.
#include <string>
#include <vector>

#include "app/availability_service.hpp"
#include "domain/local_time.hpp"
#include "domain/slot_engine.hpp"
#include "domain/slot_id.hpp"
#include "http/message.hpp"

namespace confer::http {

struct SlotListing {
  std::string specialist_id;
  std::string service_id;
  int duration_minutes = 0;
  std::int64_t price = 0;
  std::string currency;
};

using domain::parse_slot_id;
using domain::slot_id;
using domain::SlotRef;

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
void append_slots_json(std::string& out, const std::vector<domain::Slot>& slots,
                       const SlotListing& listing, domain::WallClock& viewer_clock,
                       bool first_item = true);

// {"timezone", "specialistTimezone", "specialistId", "slots": [...]} with the
// slots of every service merged in time order; startLocal in the request's
// `tz` (default the specialist's).
Response slots_response(const app::SlotComputation& computed, const Request& request);

}  // namespace confer::http
