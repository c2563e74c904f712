#pragma once
// Writes slot lists as JSON by hand: a 30-day list has hundreds of slots and
// building a boost::json tree for each would cost more than computing them.
#include <string>
#include <vector>

#include "domain/local_time.hpp"
#include "domain/slot_engine.hpp"

namespace confer::http {

struct SlotListing {
  std::string specialist_id;
  std::string service_id;
  int duration_minutes = 0;
  std::int64_t price = 0;
  std::string currency;
};

// Opaque to clients: "<serviceId>.<start Unix seconds>".
std::string slot_id(const std::string& service_id, domain::Instant start);
struct SlotRef {
  std::string service_id;
  domain::Instant start;
};
std::optional<SlotRef> parse_slot_id(std::string_view id);

// Appends {"id","start","end","startLocal","duration","price","currency","serviceId",
// "specialistId","status"} per slot, comma-separated (no brackets).
void append_slots_json(std::string& out, const std::vector<domain::Slot>& slots,
                       const SlotListing& listing, domain::WallClock& viewer_clock,
                       bool first_item = true);

}  // namespace confer::http
