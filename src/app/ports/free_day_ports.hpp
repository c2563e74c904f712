#pragma once
// The marketplace's index of free days (migration 0019): per listed
// specialist and local day, when their free slots lie, so that "free on this
// date" is one indexed read instead of a slot computation per specialist.
//
// The index is never trusted blindly. A change to a specialist's bookings
// leaves a mark (a trigger, in the change's own transaction), a change to
// their rules, services or blocks moves their schedule version, and an index
// older than its horizon goes stale: such a specialist is "unsure" until a
// refresh has computed their days again, and the marketplace asks the slot
// engine about them instead.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace confer::app::ports {

// One local day of a specialist with a free slot (or an unpaid hold that
// may lapse). A slot of the day can be booked at `now` when
// bookable_from <= now <= bookable_until.
struct FreeDay {
  std::string day;                                      // YYYY-MM-DD in the specialist's zone
  std::optional<std::int64_t> first_start, last_start;  // free slot starts (Unix ms)
  std::optional<std::int64_t> bookable_from, bookable_until;
  // From then on the row is not to be trusted (a hold counted as busy
  // lapses; 0: never trusted). nullopt: trusted until the next change.
  std::optional<std::int64_t> recheck_at;
  bool operator==(const FreeDay&) const = default;
};

// A specialist whose days need computing again, as the refresh found them.
struct FreeDayWork {
  std::string specialist_id;
  std::int64_t generation = 0;      // of their index row (0: none yet)
  std::vector<std::int64_t> marks;  // the marks this refresh will clear
};

// A refresh's result for one specialist.
struct FreeDayRefresh {
  std::string specialist_id;
  std::int64_t seen_generation = 0;              // FreeDayWork::generation
  std::int64_t stale_at = 0;                     // the horizon computed is enough until then
  std::int64_t notice_ms = 0;                    // the specialist's minimum notice
  std::optional<std::int64_t> next_at;           // their next bookable slot's start
  std::optional<std::int64_t> next_valid_until;  // nullopt: until stale_at
  std::vector<std::int64_t> marks;
  std::vector<FreeDay> days;
};

// A specialist's next bookable slot as the index knows it at some now.
struct NextFree {
  bool known = false;                   // false: ask the slot engine
  std::optional<std::int64_t> next_at;  // when known: nullopt, none in the horizon
};

class FreeDays {
 public:
  virtual ~FreeDays() = default;
  // Specialists whose index is unsure at `now` (marked by a change) or whose
  // horizon goes stale before `stale_before` or whose next slot has passed
  // by `now`, at most `limit`.
  virtual std::vector<FreeDayWork> due(std::int64_t now, std::int64_t stale_before, int limit) = 0;
  // Writes a refresh: the specialist's days, their state, and clears the
  // marks it saw. False (and nothing written) when another refresh wrote
  // since this one read (its generation moved).
  virtual bool store(const FreeDayRefresh& refresh) = 0;
  // Listed specialists whose index is not to be trusted for `day` at `now`.
  virtual std::vector<std::string> unsure_on(const std::string& day, std::int64_t now) = 0;
  // The next bookable slot of each of `specialist_ids` at `now`.
  virtual std::vector<NextFree> next_free(const std::vector<std::string>& specialist_ids,
                                          std::int64_t now) = 0;
};

}  // namespace confer::app::ports
