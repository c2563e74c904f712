#include "domain/recurrence_rule.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace confer::domain {
namespace {

using date::local_days;
using date::local_seconds;

constexpr const char* not_a_rule = "must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=SA";

using Freq = RecurrenceRule::Freq;

local_seconds from_ical(const icaltimetype& time) {
  date::year_month_day ymd{date::year{time.year}, date::month{static_cast<unsigned>(time.month)},
                           date::day{static_cast<unsigned>(time.day)}};
  return local_seconds{local_days{ymd}.time_since_epoch()} + std::chrono::hours{time.hour} +
         std::chrono::minutes{time.minute} + std::chrono::seconds{time.second};
}

// A libical BY list (ended by ICAL_RECURRENCE_ARRAY_MAX) that must lie in
// [low, high] without 0; false when a value does not.
bool read_list(const short* values, int size, int low, int high, std::vector<int>& out) {
  for (int i = 0; i < size && values[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
    if (values[i] < low || values[i] > high || (low < 0 && values[i] == 0)) return false;
    out.push_back(values[i]);
  }
  return true;
}

// Whether the rule text names `part` (libical cannot tell COUNT=0 from no
// COUNT, and refuses COUNT with UNTIL without saying why).
bool names_part(std::string_view text, std::string_view part) {
  while (!text.empty()) {
    auto end = text.find(';');
    auto name = text.substr(0, std::min(end, text.find('=')));
    if (std::equal(name.begin(), name.end(), part.begin(), part.end(),
                   [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; }))
      return true;
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
  }
  return false;
}

// RFC 5545's table of which part goes with which FREQ, and what
// availability can use.
std::string check(const icalrecurrencetype& r, const RecurrenceRule& rule) {
  auto has = [](const short* values) { return values[0] != ICAL_RECURRENCE_ARRAY_MAX; };
  if (has(r.by_second)) return "must not use BYSECOND: availability is in whole minutes";
  if (has(r.by_week_no)) return "must not use BYWEEKNO: week numbers are not supported";
  const auto freq = rule.freq;
  if (has(r.by_year_day) && freq != Freq::yearly && freq != Freq::hourly)
    return "may not use BYYEARDAY with FREQ=DAILY, WEEKLY or MONTHLY (RFC 5545)";
  if (has(r.by_month_day) && freq == Freq::weekly)
    return "may not use BYMONTHDAY with FREQ=WEEKLY (RFC 5545)";
  const bool in_month = freq == Freq::monthly || !rule.months.empty();
  int numbered = 0;
  for (auto [day, n] : rule.days) {
    if (n == 0) continue;
    ++numbered;
    if (freq != Freq::monthly && freq != Freq::yearly)
      return "may give BYDAY a number (such as 1MO or -1FR) only with FREQ=MONTHLY or "
             "FREQ=YEARLY (RFC 5545)";
    if (std::abs(n) > (in_month ? 5 : 53))
      return "may number BYDAY days only from -5 to 5 within a month, -53 to 53 within a year";
  }
  // python-dateutil reads BYDAY=1FR,MO as "a first Friday that is a Monday",
  // RFC 5545 as either one: a mix has no one meaning to offer.
  if (numbered > 0 && numbered < static_cast<int>(rule.days.size()))
    return "must number every BYDAY day or none (such as 1MO,-1FR or MO,FR)";
  return "";
}

}  // namespace

ParsedRecurrence parse_recurrence(std::string_view text_in) {
  if (text_in.empty() || text_in.size() > 500) return {{}, not_a_rule};
  std::string text(text_in);
  if (text.rfind("RRULE:", 0) == 0) text = text.substr(6);
  if (names_part(text, "COUNT") && names_part(text, "UNTIL"))
    return {{}, "may not have both COUNT and UNTIL (RFC 5545)"};
  icalerror_set_errno(ICAL_NO_ERROR);
  auto r = icalrecurrencetype_from_string(text.c_str());
  const bool read = r.freq != ICAL_NO_RECURRENCE && icalerrno == ICAL_NO_ERROR;
  icalerror_set_errno(ICAL_NO_ERROR);
  if (r.rscale) {  // calendars other than the Gregorian (RFC 7529)
    icalmemory_free_buffer(r.rscale);
    return {{}, not_a_rule};
  }
  if (!read) return {{}, not_a_rule};
  ParsedRecurrence parsed;
  RecurrenceRule& rule = parsed.rule;
  switch (r.freq) {
    case ICAL_HOURLY_RECURRENCE:
      rule.freq = Freq::hourly;
      break;
    case ICAL_DAILY_RECURRENCE:
      rule.freq = Freq::daily;
      break;
    case ICAL_WEEKLY_RECURRENCE:
      rule.freq = Freq::weekly;
      break;
    case ICAL_MONTHLY_RECURRENCE:
      rule.freq = Freq::monthly;
      break;
    case ICAL_YEARLY_RECURRENCE:
      rule.freq = Freq::yearly;
      break;
    default:
      return {{}, "must have FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY"};
  }
  rule.interval = std::max<int>(r.interval, 1);
  rule.count = r.count;
  if (!icaltime_is_null_time(r.until)) rule.until = from_ical(r.until);  // Z or not: wall clock
  if (names_part(text, "WKST")) rule.week_start = static_cast<unsigned>(r.week_start) - 1;
  for (int i = 0; i < ICAL_BY_DAY_SIZE && r.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i)
    rule.days.push_back({static_cast<unsigned>(icalrecurrencetype_day_day_of_week(r.by_day[i])) - 1,
                         icalrecurrencetype_day_position(r.by_day[i])});
  if (!read_list(r.by_month, ICAL_BY_MONTH_SIZE, 1, 12, rule.months) ||
      !read_list(r.by_year_day, ICAL_BY_YEARDAY_SIZE, -366, 366, rule.year_days) ||
      !read_list(r.by_month_day, ICAL_BY_MONTHDAY_SIZE, -31, 31, rule.month_days) ||
      !read_list(r.by_hour, ICAL_BY_HOUR_SIZE, 0, 23, rule.hours) ||
      !read_list(r.by_minute, ICAL_BY_MINUTE_SIZE, 0, 59, rule.minutes) ||
      !read_list(r.by_set_pos, ICAL_BY_SETPOS_SIZE, -366, 366, rule.set_positions))
    return {{}, not_a_rule};
  parsed.error = check(r, rule);
  return parsed;
}

}  // namespace confer::domain
