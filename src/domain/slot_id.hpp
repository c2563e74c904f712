#pragma once
// A slot's id, opaque to clients: "<serviceId>.<start Unix seconds>". Slots
// are computed, not stored, so the id carries what is needed to find the
// slot again — and every use re-checks it against the rules and bookings.
#include <optional>
#include <string>
#include <string_view>

#include "domain/local_time.hpp"

namespace confer::domain {

struct SlotRef {
  std::string service_id;
  Instant start;
};

std::string slot_id(const std::string& service_id, Instant start);
std::optional<SlotRef> parse_slot_id(std::string_view id);

}  // namespace confer::domain
