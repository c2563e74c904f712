#pragma once
// Wall-clock time in a specialist's zone: minutes of a local day, local
// dates, and the mapping from a local date + minute to a UTC instant. A local
// time that does not exist (clocks jump forward) maps to nothing; one that
// happens twice (clocks fall back) maps to its first occurrence.
#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace confer::domain {

using Instant = date::sys_seconds;  // a UTC instant
using LocalDay = date::local_days;  // a calendar date on the wall clock

constexpr int minutes_per_day = 24 * 60;

// Records and the clock count Unix milliseconds; the domain counts whole
// seconds. Rounded down, so a millisecond before the epoch is the second before.
inline Instant from_unix_ms(std::int64_t unix_ms) {
  return Instant{std::chrono::floor<std::chrono::seconds>(std::chrono::milliseconds{unix_ms})};
}
inline std::int64_t to_unix_ms(Instant instant) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch()).count();
}

// [start, end) in minutes after local midnight; end may be 1440 (midnight).
struct TimeRange {
  int start = 0;
  int end = 0;
  bool operator==(const TimeRange&) const = default;
};

// A run of ASCII digits as a number (at most 9 digits), else nullopt.
std::optional<int> parse_digits(std::string_view text);

// "09:30" → 570; "24:00" → 1440. Exactly HH:MM.
std::optional<int> parse_hhmm(std::string_view text);
std::string format_hhmm(int minutes);
// "2026-03-08" → that local day, if it is a real date.
std::optional<LocalDay> parse_local_date(std::string_view text);
std::string format_local_date(LocalDay day);
// "2026-03-08T09:30" or "2026-03-08T09:30:00" (no offset) → local date-time.
std::optional<date::local_seconds> parse_local_datetime(std::string_view text);

// Finds a zone by IANA name; nullptr when unknown.
const date::time_zone* find_zone(std::string_view name);

// Maps wall-clock times of one zone to UTC, remembering the current offset
// period so that a run of nearby lookups costs almost nothing.
class WallClock {
 public:
  explicit WallClock(const date::time_zone* zone) : zone_(zone) {}
  const date::time_zone* zone() const { return zone_; }

  // The instant of `minute` on `day`; nullopt inside a spring-forward gap.
  std::optional<Instant> to_utc(LocalDay day, int minute);
  std::optional<Instant> to_utc(date::local_seconds local);
  // The zone's UTC offset at an instant, in seconds.
  std::chrono::seconds offset_at(Instant instant);
  date::local_seconds to_local(Instant instant) {
    return date::local_seconds{(instant + offset_at(instant)).time_since_epoch()};
  }

 private:
  const date::time_zone* zone_;
  date::sys_info cached_{};  // begin == end until the first lookup
  bool has_cache_ = false;
};

}  // namespace confer::domain
