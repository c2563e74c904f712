#include "app/slot_inputs.hpp"

namespace confer::app {
namespace {

using domain::from_unix_ms;
using domain::to_unix_ms;

std::vector<domain::Interval> intervals(const std::vector<BusyTime>& busy) {
  std::vector<domain::Interval> out;
  out.reserve(busy.size());
  for (const auto& b : busy) out.push_back({from_unix_ms(b.start_at), from_unix_ms(b.end_at)});
  return out;
}

}  // namespace

std::optional<SlotInputs> load_slot_inputs(
    ports::CatalogTransaction& transaction, ParsedRulesCache& cache,
    const std::string& specialist_id, domain::Instant window_start, domain::Instant window_end,
    std::int64_t now_ms, std::optional<domain::AvailabilityRules> rules, bool with_bookings) {
  SlotInputs loaded;
  if (rules) {
    loaded.rules = std::move(*rules);
  } else {
    auto record = transaction.availabilities().find_for_specialist(specialist_id);
    if (!record) return std::nullopt;
    loaded.rules = cache.rules(*record);
  }
  const auto pad = std::chrono::minutes{loaded.rules.buffer_minutes + 1};
  if (with_bookings) {
    loaded.busy_from = to_unix_ms(window_start - pad);
    loaded.busy_to = to_unix_ms(window_end + pad);
    loaded.busy =
        transaction.busy_times().busy(specialist_id, loaded.busy_from, loaded.busy_to, now_ms);
    loaded.bookings = intervals(loaded.busy);
  }
  for (const auto& block : transaction.availabilities().blocks_between(
           specialist_id, to_unix_ms(window_start), to_unix_ms(window_end)))
    loaded.blocks.push_back({from_unix_ms(block.start_at), from_unix_ms(block.end_at)});
  return loaded;
}

}  // namespace confer::app
