// Availability rules as the API shows them (the shape parse_availability reads).
#include <boost/json.hpp>

#include "domain/availability.hpp"

namespace confer::domain {

using boost::json::object;
using boost::json::value;

boost::json::object availability_to_json(const AvailabilityRules& rules) {
  auto range_json = [](TimeRange r) {
    return object{{"start", format_hhmm(r.start)}, {"end", format_hhmm(r.end)}};
  };
  object working;
  for (std::size_t i = 0; i < 7; ++i) {
    const auto& day = rules.working_hours[i];
    object entry{{"enabled", !day.empty()}};
    if (!day.empty()) {
      entry["start"] = format_hhmm(day.front().start);
      entry["end"] = format_hhmm(day.back().end);
    }
    boost::json::array intervals;
    for (auto r : day) intervals.push_back(range_json(r));
    entry["intervals"] = std::move(intervals);
    working[weekday_names[i]] = std::move(entry);
  }
  boost::json::array breaks;
  for (std::size_t i = 0; i < 7; ++i)
    for (auto r : rules.breaks[i]) {
      auto entry = range_json(r);
      entry["day"] = weekday_names[i];
      breaks.push_back(std::move(entry));
    }
  boost::json::array unavailable;
  for (auto day : rules.unavailable_dates) unavailable.push_back(value(format_local_date(day)));
  boost::json::array overrides;
  for (const auto& o : rules.overrides) {
    boost::json::array intervals;
    for (auto r : o.intervals) intervals.push_back(range_json(r));
    overrides.push_back(object{{"date", format_local_date(o.date)},
                               {"closed", o.intervals.empty()},
                               {"intervals", std::move(intervals)}});
  }
  boost::json::array recurring;
  for (const auto& rule : rules.recurring) {
    auto day = date::floor<date::days>(rule.start);
    auto minute = static_cast<int>((rule.start - day).count() / 60);
    recurring.push_back(
        object{{"rrule", rule.rrule},
               {"start", format_local_date(LocalDay{day}) + "T" + format_hhmm(minute)},
               {"duration", rule.duration_minutes},
               {"kind", rule.kind == RecurringRule::Kind::extra ? "extra" : "block"}});
  }
  boost::json::array durations;
  for (int d : rules.slot_durations) durations.push_back(d);
  return object{{"timezone", rules.timezone},
                {"workingHours", std::move(working)},
                {"breakTimes", std::move(breaks)},
                {"unavailableDates", std::move(unavailable)},
                {"dateOverrides", std::move(overrides)},
                {"recurringRules", std::move(recurring)},
                {"minBookingNotice", rules.min_booking_notice_hours},
                {"maxAdvanceBooking", rules.max_advance_booking_days},
                {"bufferTime", rules.buffer_minutes},
                {"slotDuration", std::move(durations)}};
}

}  // namespace confer::domain
