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

void append_slots_json(std::string& out, const std::vector<domain::Slot>& slots,
                       const SlotListing& listing, domain::WallClock& viewer_clock,
                       bool first_item) {
  // Everything but the times is the same for every slot of one listing.
  const std::string tail = ",\"duration\":" + std::to_string(listing.duration_minutes) +
                           ",\"price\":" + std::to_string(listing.price) + ",\"currency\":\"" +
                           listing.currency + "\",\"serviceId\":\"" + listing.service_id +
                           "\",\"specialistId\":\"" + listing.specialist_id + "\",\"status\":\"";
  out.reserve(out.size() + slots.size() * (260 + listing.service_id.size() * 2));
  for (const auto& slot : slots) {
    if (!first_item) out += ',';
    first_item = false;
    out += "{\"id\":\"";
    out += listing.service_id;
    out += '.';
    out += std::to_string(slot.start.time_since_epoch().count());
    out += "\",\"start\":\"";
    domain::append_utc(out, slot.start);
    out += "\",\"end\":\"";
    domain::append_utc(out, slot.end);
    out += "\",\"startLocal\":\"";
    domain::append_with_offset(out, slot.start, viewer_clock.offset_at(slot.start));
    out += '"';
    out += tail;
    out += domain::to_string(slot.status);
    out += "\"}";
  }
}

}  // namespace confer::http
