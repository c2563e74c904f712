#include "http/slot_json.hpp"

#include <charconv>

#include "domain/instant_format.hpp"

namespace confer::http {

SlotWriter::SlotWriter(const SlotListing& listing)
    : id_prefix_("{\"id\":\"" + listing.service_id + "."),
      tail_(",\"duration\":" + std::to_string(listing.duration_minutes) +
            ",\"price\":" + std::to_string(listing.price) + ",\"currency\":\"" + listing.currency +
            "\",\"serviceId\":\"" + listing.service_id + "\",\"status\":\"") {}

void SlotWriter::append(std::string& out, const domain::Slot& slot,
                        domain::WallClock& viewer_clock) const {
  char seconds[24];
  auto [end, error] =
      std::to_chars(seconds, seconds + sizeof seconds, slot.start.time_since_epoch().count());
  out += id_prefix_;
  out.append(seconds, end);
  out += "\",\"start\":\"";
  domain::append_utc(out, slot.start);
  out += "\",\"end\":\"";
  domain::append_utc(out, slot.end);
  out += "\",\"startLocal\":\"";
  domain::append_with_offset(out, slot.start, viewer_clock.offset_at(slot.start));
  out += '"';
  out += tail_;
  out += domain::to_string(slot.status);
  out += "\"}";
}

void append_slots_json(std::string& out, const std::vector<domain::Slot>& slots,
                       const SlotListing& listing, domain::WallClock& viewer_clock,
                       bool first_item) {
  SlotWriter writer(listing);
  out.reserve(out.size() + slots.size() * SlotWriter::typical_size);
  for (const auto& slot : slots) {
    if (!first_item) out += ',';
    first_item = false;
    writer.append(out, slot, viewer_clock);
  }
}

}  // namespace confer::http
