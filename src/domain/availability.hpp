#pragma once
// A specialist's availability: the brief's object (time zone, weekly working
// hours, breaks, days off, notice, horizon, buffer, slot durations) extended
// the way the best schedulers do it — several intervals a day, date overrides
// and RFC 5545 recurring rules that add or remove time.
#include <array>
#include <boost/json/value.hpp>
#include <string>
#include <variant>
#include <vector>

#include "domain/field_errors.hpp"
#include "domain/local_time.hpp"

namespace confer::domain {

// Index 0 is Monday, as the brief lists the days.
constexpr std::array<std::string_view, 7> weekday_names{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
int weekday_index(LocalDay day);  // 0 = Monday

// A specific date whose hours replace the weekly ones (no intervals: closed).
struct DateOverride {
  LocalDay date;
  std::vector<TimeRange> intervals;
};

// Extra availability or a block, repeating by an RRULE from a local start.
struct RecurringRule {
  enum class Kind { extra, block };
  std::string rrule;          // e.g. "FREQ=WEEKLY;BYDAY=SA;COUNT=10"
  date::local_seconds start;  // first occurrence, wall clock
  int duration_minutes = 60;  // 5 .. 1440
  Kind kind = Kind::extra;
};

struct AvailabilityRules {
  std::string timezone = "UTC";
  std::array<std::vector<TimeRange>, 7> working_hours;  // sorted, disjoint
  std::array<std::vector<TimeRange>, 7> breaks;         // sorted
  std::vector<LocalDay> unavailable_dates;              // sorted
  std::vector<DateOverride> overrides;                  // sorted by date
  std::vector<RecurringRule> recurring;
  int min_booking_notice_hours = 0;
  int max_advance_booking_days = 60;
  int buffer_minutes = 0;
  std::vector<int> slot_durations{30, 60};
};

// Reads the API's JSON form strictly. Day entries may be the brief's
// {start, end, enabled} or {enabled, intervals: [{start, end}, …]}.
std::variant<AvailabilityRules, FieldErrors> parse_availability(const boost::json::value& json);

// The JSON form the API returns (both the brief's start/end — the first
// interval — and the full interval list per day).
boost::json::object availability_to_json(const AvailabilityRules& rules);

}  // namespace confer::domain
