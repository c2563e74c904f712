#include "domain/availability.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "domain/recurrence.hpp"

namespace confer::domain {
namespace {

using boost::json::object;
using boost::json::value;

class Reader {
 public:
  FieldErrors errors;
  void fail(std::string field, std::string message) {
    errors.push_back({std::move(field), std::move(message)});
  }

  std::optional<int> hhmm(const object& o, std::string_view key, const std::string& path) {
    auto found = o.find(key);
    if (found == o.end() || !found->value().is_string()) {
      fail(path + "." + std::string(key), "is required as \"HH:MM\"");
      return std::nullopt;
    }
    auto minutes = parse_hhmm(found->value().as_string());
    if (!minutes) fail(path + "." + std::string(key), "must be a time from 00:00 to 24:00");
    return minutes;
  }

  std::optional<TimeRange> range(const value& v, const std::string& path) {
    if (!v.is_object()) {
      fail(path, "must be an object with start and end");
      return std::nullopt;
    }
    auto start = hhmm(v.as_object(), "start", path);
    auto end = hhmm(v.as_object(), "end", path);
    if (!start || !end) return std::nullopt;
    if (*end <= *start) {
      fail(path + ".end", "must be after start");
      return std::nullopt;
    }
    return TimeRange{*start, *end};
  }

  std::vector<TimeRange> ranges(const value& v, const std::string& path) {
    std::vector<TimeRange> out;
    if (!v.is_array()) {
      fail(path, "must be a list of {start, end}");
      return out;
    }
    const auto& list = v.as_array();
    if (list.size() > 12) fail(path, "must have at most 12 intervals");
    for (std::size_t i = 0; i < list.size() && i < 12; ++i)
      if (auto r = range(list[i], path + "[" + std::to_string(i) + "]")) out.push_back(*r);
    std::sort(out.begin(), out.end(), [](auto a, auto b) { return a.start < b.start; });
    for (std::size_t i = 1; i < out.size(); ++i)
      if (out[i].start < out[i - 1].end) {
        fail(path, "intervals must not overlap");
        break;
      }
    return out;
  }

  std::optional<int> integer(const object& o, std::string_view key, int min, int max,
                             int fallback) {
    auto found = o.find(key);
    if (found == o.end() || found->value().is_null()) return fallback;
    const auto& v = found->value();
    std::optional<std::int64_t> n;
    if (v.is_int64()) n = v.as_int64();
    if (v.is_uint64() && v.as_uint64() < 1'000'000'000)
      n = static_cast<std::int64_t>(v.as_uint64());
    if (!n || *n < min || *n > max) {
      fail(std::string(key),
           "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }

  std::optional<LocalDay> date(const value& v, const std::string& path) {
    if (!v.is_string()) {
      fail(path, "must be a date as \"YYYY-MM-DD\"");
      return std::nullopt;
    }
    auto day = parse_local_date(v.as_string());
    if (!day) fail(path, "must be a real date as \"YYYY-MM-DD\"");
    return day;
  }
};

void read_working_hours(Reader& r, const value& v, AvailabilityRules& rules) {
  if (!v.is_object()) {
    r.fail("workingHours", "must be an object keyed by weekday");
    return;
  }
  for (const auto& [key, day] : v.as_object()) {
    auto name = std::string(key);
    auto index =
        std::find(weekday_names.begin(), weekday_names.end(), name) - weekday_names.begin();
    const std::string path = "workingHours." + name;
    if (index >= 7) {
      r.fail(path, "is not a weekday (monday … sunday)");
      continue;
    }
    if (!day.is_object()) {
      r.fail(path, "must be {start, end, enabled} or {enabled, intervals}");
      continue;
    }
    const auto& o = day.as_object();
    bool enabled = true;
    if (auto e = o.find("enabled"); e != o.end()) {
      if (!e->value().is_bool())
        r.fail(path + ".enabled", "must be true or false");
      else
        enabled = e->value().as_bool();
    }
    std::vector<TimeRange> intervals;
    if (auto list = o.find("intervals"); list != o.end())
      intervals = r.ranges(list->value(), path + ".intervals");
    else if (o.contains("start") || o.contains("end") || enabled)
      if (auto one = r.range(day, path)) intervals.push_back(*one);
    if (enabled) rules.working_hours[index] = std::move(intervals);
  }
}

void read_breaks(Reader& r, const value& v, AvailabilityRules& rules) {
  if (!v.is_array()) {
    r.fail("breakTimes", "must be a list of {day, start, end}");
    return;
  }
  const auto& list = v.as_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "breakTimes[" + std::to_string(i) + "]";
    if (!list[i].is_object()) {
      r.fail(path, "must be {day, start, end}");
      continue;
    }
    const auto& o = list[i].as_object();
    auto day = o.find("day");
    auto index = day != o.end() && day->value().is_string()
                     ? std::find(weekday_names.begin(), weekday_names.end(),
                                 std::string_view(day->value().as_string())) -
                           weekday_names.begin()
                     : 7;
    if (index >= 7) r.fail(path + ".day", "must be a weekday (monday … sunday)");
    auto range = r.range(list[i], path);
    if (index < 7 && range) rules.breaks[index].push_back(*range);
  }
  for (auto& day : rules.breaks)
    std::sort(day.begin(), day.end(), [](auto a, auto b) { return a.start < b.start; });
}

void read_overrides(Reader& r, const value& v, AvailabilityRules& rules) {
  if (!v.is_array()) {
    r.fail("dateOverrides", "must be a list of {date, intervals}");
    return;
  }
  const auto& list = v.as_array();
  if (list.size() > 366) r.fail("dateOverrides", "must have at most 366 dates");
  for (std::size_t i = 0; i < list.size() && i < 366; ++i) {
    const std::string path = "dateOverrides[" + std::to_string(i) + "]";
    if (!list[i].is_object()) {
      r.fail(path, "must be {date, intervals} or {date, closed: true}");
      continue;
    }
    const auto& o = list[i].as_object();
    auto date_field = o.find("date");
    auto day = date_field == o.end() ? (r.fail(path + ".date", "is required"), std::nullopt)
                                     : r.date(date_field->value(), path + ".date");
    std::vector<TimeRange> intervals;
    bool closed = false;
    if (auto c = o.find("closed"); c != o.end() && c->value().is_bool())
      closed = c->value().as_bool();
    if (auto list_field = o.find("intervals"); list_field != o.end() && !closed)
      intervals = r.ranges(list_field->value(), path + ".intervals");
    else if (!closed)
      r.fail(path, "needs intervals, or closed: true");
    if (day) rules.overrides.push_back({*day, std::move(intervals)});
  }
  std::sort(rules.overrides.begin(), rules.overrides.end(),
            [](const auto& a, const auto& b) { return a.date < b.date; });
  for (std::size_t i = 1; i < rules.overrides.size(); ++i)
    if (rules.overrides[i].date == rules.overrides[i - 1].date)
      r.fail("dateOverrides", "lists " + format_local_date(rules.overrides[i].date) + " twice");
}

void read_recurring(Reader& r, const value& v, AvailabilityRules& rules) {
  if (!v.is_array()) {
    r.fail("recurringRules", "must be a list of {rrule, start, duration, kind}");
    return;
  }
  const auto& list = v.as_array();
  if (list.size() > 50) r.fail("recurringRules", "must have at most 50 rules");
  for (std::size_t i = 0; i < list.size() && i < 50; ++i) {
    const std::string path = "recurringRules[" + std::to_string(i) + "]";
    if (!list[i].is_object()) {
      r.fail(path, "must be {rrule, start, duration, kind}");
      continue;
    }
    const auto& o = list[i].as_object();
    RecurringRule rule;
    bool ok = true;
    auto text = [&](std::string_view key) -> std::optional<std::string> {
      auto found = o.find(key);
      if (found == o.end() || !found->value().is_string()) return std::nullopt;
      return std::string(found->value().as_string());
    };
    auto rrule = text("rrule");
    auto problem = rrule ? rrule_error(*rrule)
                         : std::string("must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=SA");
    if (problem.empty()) {
      rule.rrule = *rrule;
    } else {
      r.fail(path + ".rrule", std::move(problem));
      ok = false;
    }
    if (auto start = text("start"); start && parse_local_datetime(*start)) {
      rule.start = *parse_local_datetime(*start);
    } else {
      r.fail(path + ".start", "must be a local date-time as \"YYYY-MM-DDTHH:MM\"");
      ok = false;
    }
    auto duration = o.find("duration");
    if (duration == o.end() || !duration->value().is_int64() || duration->value().as_int64() < 5 ||
        duration->value().as_int64() > minutes_per_day) {
      r.fail(path + ".duration", "must be minutes from 5 to 1440");
      ok = false;
    } else {
      rule.duration_minutes = static_cast<int>(duration->value().as_int64());
    }
    auto kind = text("kind").value_or("extra");
    if (kind == "extra" || kind == "block") {
      rule.kind = kind == "extra" ? RecurringRule::Kind::extra : RecurringRule::Kind::block;
    } else {
      r.fail(path + ".kind", "must be \"extra\" or \"block\"");
      ok = false;
    }
    if (ok) rules.recurring.push_back(std::move(rule));
  }
}

}  // namespace

int weekday_index(LocalDay day) {
  // date::weekday counts Sunday as 0; the brief starts the week on Monday.
  return static_cast<int>((date::weekday{day}.c_encoding() + 6) % 7);
}

namespace {

void reject_unknown_fields(Reader& r, const boost::json::object& o) {
  static const std::set<std::string, std::less<>> known{"timezone",
                                                        "workingHours",
                                                        "breakTimes",
                                                        "unavailableDates",
                                                        "dateOverrides",
                                                        "recurringRules",
                                                        "minBookingNotice",
                                                        "maxAdvanceBooking",
                                                        "bufferTime",
                                                        "slotDuration",
                                                        "id",
                                                        "specialistId",
                                                        "createdAt",
                                                        "updatedAt"};
  for (const auto& [key, v] : o)
    if (!known.contains(std::string_view(key))) r.fail(std::string(key), "is not a known field");
}

void read_timezone(Reader& r, const boost::json::object& o, AvailabilityRules& rules) {
  if (auto tz = o.find("timezone"); tz == o.end() || !tz->value().is_string())
    r.fail("timezone", "is required, as an IANA zone such as America/New_York");
  else if (!find_zone(tz->value().as_string()))
    r.fail("timezone", "must be an IANA time zone such as America/New_York");
  else
    rules.timezone = std::string(tz->value().as_string());
}

void read_unavailable_dates(Reader& r, const value& v, AvailabilityRules& rules) {
  if (!v.is_array()) return r.fail("unavailableDates", "must be a list of dates");
  const auto& list = v.as_array();
  if (list.size() > 1000) r.fail("unavailableDates", "must have at most 1000 dates");
  for (std::size_t i = 0; i < list.size() && i < 1000; ++i)
    if (auto day = r.date(list[i], "unavailableDates[" + std::to_string(i) + "]"))
      rules.unavailable_dates.push_back(*day);
  auto& dates = rules.unavailable_dates;
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
}

void read_slot_durations(Reader& r, const value& v, AvailabilityRules& rules) {
  rules.slot_durations.clear();
  if (!v.is_array() || v.as_array().empty() || v.as_array().size() > 12)
    return r.fail("slotDuration", "must be a list of 1 to 12 durations in minutes");
  for (const auto& item : v.as_array()) {
    if (!item.is_int64() || item.as_int64() < 5 || item.as_int64() > 480)
      return r.fail("slotDuration", "each duration must be whole minutes from 5 to 480");
    rules.slot_durations.push_back(static_cast<int>(item.as_int64()));
  }
  auto& durations = rules.slot_durations;
  std::sort(durations.begin(), durations.end());
  if (std::adjacent_find(durations.begin(), durations.end()) != durations.end())
    r.fail("slotDuration", "must not repeat a duration");
}

}  // namespace

std::variant<AvailabilityRules, FieldErrors> parse_availability(const value& json) {
  Reader r;
  AvailabilityRules rules;
  if (!json.is_object()) return FieldErrors{{"body", "must be a JSON object"}};
  const auto& o = json.as_object();
  reject_unknown_fields(r, o);
  read_timezone(r, o, rules);
  rules.working_hours = {};
  if (auto wh = o.find("workingHours"); wh != o.end())
    read_working_hours(r, wh->value(), rules);
  else
    r.fail("workingHours", "is required");
  if (auto b = o.find("breakTimes"); b != o.end()) read_breaks(r, b->value(), rules);
  if (auto u = o.find("unavailableDates"); u != o.end())
    read_unavailable_dates(r, u->value(), rules);
  if (auto d = o.find("dateOverrides"); d != o.end()) read_overrides(r, d->value(), rules);
  for (const auto& override_day : rules.overrides)
    if (std::binary_search(rules.unavailable_dates.begin(), rules.unavailable_dates.end(),
                           override_day.date))
      r.fail("dateOverrides", format_local_date(override_day.date) +
                                  " is also in unavailableDates: keep it in one list");
  if (auto rr = o.find("recurringRules"); rr != o.end()) read_recurring(r, rr->value(), rules);
  if (auto n = r.integer(o, "minBookingNotice", 0, 8760, 0)) rules.min_booking_notice_hours = *n;
  if (auto n = r.integer(o, "maxAdvanceBooking", 1, 730, 60)) rules.max_advance_booking_days = *n;
  if (auto n = r.integer(o, "bufferTime", 0, 240, 0)) rules.buffer_minutes = *n;
  if (auto d = o.find("slotDuration"); d != o.end()) read_slot_durations(r, d->value(), rules);
  // Breaks are checked against the day's working hours only for sense, not
  // required to lie inside them: a break outside the hours removes nothing.
  if (!r.errors.empty()) return r.errors;
  return rules;
}

}  // namespace confer::domain
