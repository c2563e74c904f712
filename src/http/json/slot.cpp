#include "http/json/slot.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "domain/instant_format.hpp"
#include "domain/slot_id.hpp"

namespace confer::http::json {

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

void append_slots(std::string& out, const std::vector<domain::Slot>& slots,
                  const SlotListing& listing, domain::WallClock& viewer_clock, bool first_item) {
  SlotWriter writer(listing);
  out.reserve(out.size() + slots.size() * SlotWriter::typical_size);
  for (const auto& slot : slots) {
    if (!first_item) out += ',';
    first_item = false;
    writer.append(out, slot, viewer_clock);
  }
}

std::string slot_list(const app::SlotComputation& computed, const std::string& viewer_zone) {
  domain::WallClock viewer(domain::find_zone(viewer_zone));
  std::string body =
      "{\"timezone\":" + boost::json::serialize(boost::json::string(viewer_zone)) +
      ",\"specialistTimezone\":" + boost::json::serialize(boost::json::string(computed.timezone)) +
      ",\"specialistId\":\"" + computed.specialist_id + "\",\"slots\":[";
  std::vector<SlotWriter> writers;
  std::size_t total = 0;
  for (const auto& s : computed.services) {
    writers.emplace_back(SlotListing{computed.specialist_id, s.service.id,
                                     s.service.duration_minutes, s.service.price,
                                     s.service.currency});
    total += s.slots.size();
  }
  body.reserve(body.size() + total * SlotWriter::typical_size + 2);
  // Merge the services' lists (each already sorted) into time order.
  std::vector<std::size_t> next(computed.services.size(), 0);
  for (std::size_t written = 0; written < total; ++written) {
    std::size_t pick = computed.services.size();
    for (std::size_t i = 0; i < computed.services.size(); ++i) {
      const auto& list = computed.services[i].slots;
      if (next[i] < list.size() &&
          (pick == computed.services.size() ||
           list[next[i]].start < computed.services[pick].slots[next[pick]].start))
        pick = i;
    }
    if (written > 0) body += ',';
    writers[pick].append(body, computed.services[pick].slots[next[pick]++], viewer);
  }
  body += "],\"nextAfter\":";
  if (computed.next_after) {
    body += '"';
    domain::append_utc(body, *computed.next_after);
    body += '"';
  } else {
    body += "null";
  }
  body += '}';
  return body;
}

boost::json::object slot(const app::SlotCheck& check, const std::string& viewer_zone) {
  domain::WallClock clock(domain::find_zone(viewer_zone));
  return {{"id", domain::slot_id(check.service.id, check.slot.start)},
          {"start", domain::format_utc(check.slot.start)},
          {"end", domain::format_utc(check.slot.end)},
          {"startLocal",
           domain::format_with_offset(check.slot.start, clock.offset_at(check.slot.start))},
          {"duration", check.service.duration_minutes},
          {"price", check.service.price},
          {"currency", check.service.currency},
          {"serviceId", check.service.id},
          {"specialistId", check.service.specialist_id},
          {"status", std::string(domain::to_string(check.slot.status))}};
}

boost::json::object slot_start(domain::Instant start, const std::string& service_id) {
  return {{"start", domain::format_utc(start)},
          {"serviceId", service_id},
          {"slotId", domain::slot_id(service_id, start)}};
}

}  // namespace confer::http::json
