#include "http/slot_json.hpp"

#include <charconv>

#include "domain/instant_format.hpp"

namespace confer::http {

std::string slot_id(const std::string& service_id, domain::Instant start) {
  return service_id + "." + std::to_string(start.time_since_epoch().count());
}

std::optional<SlotRef> parse_slot_id(std::string_view id) {
  auto dot = id.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 64 || id.size() - dot > 13)
    return std::nullopt;
  std::int64_t seconds = 0;
  auto digits = id.substr(dot + 1);
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), seconds);
  if (error != std::errc{} || end != digits.data() + digits.size() || seconds <= 0)
    return std::nullopt;
  auto service = id.substr(0, dot);
  for (char c : service)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return std::nullopt;
  return SlotRef{std::string(service), domain::Instant{std::chrono::seconds{seconds}}};
}

SlotWriter::SlotWriter(const SlotListing& listing)
    : id_prefix_("{\"id\":\"" + listing.service_id + "."),
      tail_(",\"duration\":" + std::to_string(listing.duration_minutes) + ",\"price\":" +
            std::to_string(listing.price) + ",\"currency\":\"" + listing.currency +
            "\",\"serviceId\":\"" + listing.service_id + "\",\"status\":\"") {}

void SlotWriter::append(std::string& out, const domain::Slot& slot,
                        domain::WallClock& viewer_clock) const {
  char seconds[24];
  auto [end, error] = std::to_chars(seconds, seconds + sizeof seconds,
                                    slot.start.time_since_epoch().count());
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
