#include "domain/recurrence.hpp"

#include <libical/ical.h>

#include <string>

namespace confer::domain {
namespace {

icaltimetype to_ical(date::local_seconds local) {
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  auto seconds = (local - day).count();
  icaltimetype time = icaltime_null_time();
  time.year = static_cast<int>(ymd.year());
  time.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  time.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  time.hour = static_cast<int>(seconds / 3600);
  time.minute = static_cast<int>(seconds / 60 % 60);
  time.second = static_cast<int>(seconds % 60);
  time.is_date = 0;
  return time;  // floating time: no zone, which is what a wall-clock rule is
}

date::local_seconds from_ical(const icaltimetype& time) {
  date::year_month_day ymd{date::year{time.year}, date::month{static_cast<unsigned>(time.month)},
                           date::day{static_cast<unsigned>(time.day)}};
  return date::local_seconds{date::local_days{ymd}.time_since_epoch()} +
         std::chrono::hours{time.hour} + std::chrono::minutes{time.minute} +
         std::chrono::seconds{time.second};
}

struct ParsedRule {
  icalrecurrencetype recurrence;
  bool ok;
};

ParsedRule parse(std::string_view rrule) {
  if (rrule.empty() || rrule.size() > 500) return {{}, false};
  std::string text(rrule);
  if (text.rfind("RRULE:", 0) == 0) text = text.substr(6);
  // RFC 5545 weeks start on Monday unless WKST says otherwise.
  if (text.find("WKST=") == std::string::npos) text += ";WKST=MO";
  icalerror_set_errno(ICAL_NO_ERROR);
  auto recurrence = icalrecurrencetype_from_string(text.c_str());
  bool ok = recurrence.freq != ICAL_NO_RECURRENCE && icalerrno == ICAL_NO_ERROR;
  icalerror_set_errno(ICAL_NO_ERROR);
  // Sub-minute frequencies make no sense for availability.
  if (recurrence.freq == ICAL_SECONDLY_RECURRENCE || recurrence.freq == ICAL_MINUTELY_RECURRENCE)
    ok = false;
  return {recurrence, ok};
}

}  // namespace

bool is_valid_rrule(std::string_view rrule) {
  return parse(rrule).ok;
}

std::vector<date::local_seconds> expand_rrule(std::string_view rrule, date::local_seconds start,
                                              date::local_seconds from, date::local_seconds to,
                                              std::size_t limit) {
  std::vector<date::local_seconds> occurrences;
  auto parsed = parse(rrule);
  if (!parsed.ok || from >= to) return occurrences;
  auto recurrence = parsed.recurrence;

  // libical 3.0 counts the weeks of WEEKLY;INTERVAL=n rules from the wrong
  // week when DTSTART is not on one of the BYDAY days (the dateutil oracle
  // test caught it). Such rules are expanded weekly and every n-th week —
  // counted from the week holding DTSTART, weeks starting on WKST — is kept,
  // with COUNT applied here.
  const bool every_nth_week = recurrence.freq == ICAL_WEEKLY_RECURRENCE && recurrence.interval > 1;
  const int week_interval = recurrence.interval;
  const int count = recurrence.count;
  date::local_days first_week{};
  if (every_nth_week) {
    recurrence.interval = 1;
    recurrence.count = 0;
    const auto start_day = date::floor<date::days>(start);
    const unsigned week_start = static_cast<unsigned>(recurrence.week_start) - 1;  // 0 = Sunday
    const unsigned weekday = date::weekday{start_day}.c_encoding();
    first_week = start_day - date::days{(weekday + 7 - week_start) % 7};
  }

  icalrecur_iterator* iterator = icalrecur_iterator_new(recurrence, to_ical(start));
  if (!iterator) return occurrences;
  // Jump ahead instead of walking years of occurrences before the window —
  // only where that cannot change the answer (no phase, no running COUNT).
  const auto& r = recurrence;
  const bool phase_free = !every_nth_week && r.interval <= 1 && r.count == 0 &&
                          (r.freq == ICAL_DAILY_RECURRENCE || r.freq == ICAL_WEEKLY_RECURRENCE) &&
                          r.by_set_pos[0] == ICAL_RECURRENCE_ARRAY_MAX;
  if (phase_free && from > start + date::days{7})
    icalrecur_iterator_set_start(iterator, to_ical(from - date::days{7}));
  // Walking is bounded: by the window's end, and by a step count for rules
  // whose occurrences are all before the window.
  int kept = 0;
  for (std::size_t steps = 0; steps < 1'000'000 && occurrences.size() < limit; ++steps) {
    icaltimetype next = icalrecur_iterator_next(iterator);
    if (icaltime_is_null_time(next)) break;
    auto local = from_ical(next);
    if (local >= to) break;
    if (every_nth_week) {
      auto week = (date::floor<date::days>(local) - first_week).count() / 7;
      if (week % week_interval != 0) continue;
      if (count > 0 && kept >= count) break;
      ++kept;
    }
    if (local >= from) occurrences.push_back(local);
  }
  icalrecur_iterator_free(iterator);
  return occurrences;
}

}  // namespace confer::domain
