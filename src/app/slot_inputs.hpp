#pragma once
// What a slot computation reads: the rules, the busy times around a window
// and the blocked times in it, in one transaction. Shared by the slot lists
// and the index of free days, so both see the same inputs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/parsed_rules.hpp"
#include "app/ports/catalog_ports.hpp"
#include "domain/slot_engine.hpp"

namespace confer::app {

struct SlotInputs {
  domain::AvailabilityRules rules;
  std::int64_t busy_from = 0, busy_to = 0;  // the window the bookings were read for
  std::vector<BusyTime> busy;
  std::vector<domain::Interval> bookings;  // `busy` as intervals
  std::vector<domain::Interval> blocks;
};

// Reads them for [window_start, window_end) (bookings a buffer wider);
// nullopt when the specialist has no rules. `rules` when the caller has them
// already (they are parsed once per request).
std::optional<SlotInputs> load_slot_inputs(
    ports::CatalogTransaction& transaction, ParsedRulesCache& cache,
    const std::string& specialist_id, domain::Instant window_start, domain::Instant window_end,
    std::int64_t now_ms, std::optional<domain::AvailabilityRules> rules = std::nullopt,
    bool with_bookings = true);

}  // namespace confer::app
