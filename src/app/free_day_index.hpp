#pragma once
// Keeps the marketplace's index of free days (ports/free_day_ports.hpp) up
// to date: finds the specialists whose index a change made unsure and
// computes their days again with the slot engine, from the same inputs a
// slot list reads. Runs in the background (every process may run it; of two
// refreshes racing, the first to write wins), never inside a user's request.
#include <chrono>
#include <cstdint>
#include <vector>

#include "app/clock.hpp"
#include "app/parsed_rules.hpp"
#include "app/ports/catalog_ports.hpp"
#include "app/slot_inputs.hpp"

namespace confer::app {

struct FreeDaySummary {
  // Each local day from `first` to `last` with a free slot of some service
  // of these durations (or an unpaid hold that may lapse), computed before
  // notice and horizon, with the span of "now" in which one of its slots is
  // offered.
  std::vector<ports::FreeDay> days;
  // The first slot offered at `now`, and the last "now" that stays so (it
  // is offered no more, a hold lapses, or an earlier one enters the horizon).
  std::optional<std::int64_t> next_at;
  std::optional<std::int64_t> next_valid_until;
};

FreeDaySummary compute_free_days(const SlotInputs& inputs, const std::vector<int>& durations,
                                 domain::LocalDay first, domain::LocalDay last,
                                 std::int64_t now_ms);

class FreeDayIndex {
 public:
  FreeDayIndex(ports::CatalogUnitOfWork& store, const Clock& clock)
      : store_(store), clock_(clock) {}

  // Refreshes at most `limit` specialists whose index is unsure or soon
  // stale; returns how many it looked at (fewer than `limit`: none is left).
  int refresh_some(int limit = 50);
  // Refreshes until none is left (after seeding; tests).
  void refresh_all();

  // How long a refresh's horizon is enough, and how early before that the
  // refresh runs again (so that the marketplace rarely meets a stale index).
  static constexpr std::chrono::hours horizon_slack{12};
  static constexpr std::chrono::hours refresh_lead{1};

 private:
  ports::FreeDayRefresh compute(ports::CatalogTransaction& transaction,
                                const ports::FreeDayWork& work, std::int64_t now_ms);

  ports::CatalogUnitOfWork& store_;
  const Clock& clock_;
  ParsedRulesCache rules_cache_;
};

}  // namespace confer::app
