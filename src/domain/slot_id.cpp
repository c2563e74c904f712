#include "domain/slot_id.hpp"

#include <cctype>
#include <charconv>

namespace confer::domain {

std::string slot_id(const std::string& service_id, Instant start) {
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
  return SlotRef{std::string(service), Instant{std::chrono::seconds{seconds}}};
}

}  // namespace confer::domain
