#include "domain/recurrence.hpp"

#include <algorithm>

#include "domain/recurrence_rule.hpp"

namespace confer::domain {
namespace {

using date::local_days;
using date::local_seconds;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using Freq = RecurrenceRule::Freq;
using Rule = RecurrenceRule;

bool contains(const std::vector<int>& values, int value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// What RFC 5545 takes from DTSTART when the rule does not say: the day (of
// the week, month or year, by FREQ), the hour and the minute.
Rule with_start_defaults(Rule rule, local_seconds start) {
  const auto day = date::floor<date::days>(start);
  const date::year_month_day ymd{day};
  if (rule.year_days.empty() && rule.month_days.empty() && rule.days.empty()) {
    const int month_day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    if (rule.freq == Freq::yearly && rule.months.empty())
      rule.months = {static_cast<int>(static_cast<unsigned>(ymd.month()))};
    if (rule.freq == Freq::yearly || rule.freq == Freq::monthly) rule.month_days = {month_day};
    if (rule.freq == Freq::weekly) rule.days = {{date::weekday{day}.c_encoding(), 0}};
  }
  const auto time = date::hh_mm_ss<seconds>{start - day};
  if (rule.hours.empty() && rule.freq != Freq::hourly)
    rule.hours = {static_cast<int>(time.hours().count())};
  if (rule.minutes.empty()) rule.minutes = {static_cast<int>(time.minutes().count())};
  return rule;
}

// Whether `day` passes the rule's BYMONTH, BYDAY, BYMONTHDAY and BYYEARDAY.
bool on_day(const Rule& rule, local_days day) {
  const date::year_month_day ymd{day};
  const local_days month_first{ymd.year() / ymd.month() / 1};
  const local_days month_last{ymd.year() / ymd.month() / date::last};
  const local_days year_first{ymd.year() / 1 / 1};
  const local_days year_last{ymd.year() / 12 / 31};
  if (!rule.months.empty() && !contains(rule.months, static_cast<int>(unsigned(ymd.month()))))
    return false;
  if (!rule.days.empty()) {
    const unsigned weekday = date::weekday{day}.c_encoding();
    // A number counts in the month (MONTHLY, or YEARLY with BYMONTH), else in the year.
    const bool in_month = rule.freq == Freq::monthly || !rule.months.empty();
    const auto first = in_month ? month_first : year_first;
    const auto last = in_month ? month_last : year_last;
    const int from_first = static_cast<int>((day - first).count() / 7) + 1;
    const int from_last = -static_cast<int>((last - day).count() / 7) - 1;
    if (std::none_of(rule.days.begin(), rule.days.end(), [&](RecurrenceRule::Weekday d) {
          return d.day == weekday && (d.n == 0 || d.n == from_first || d.n == from_last);
        }))
      return false;
  }
  // Negative days count from the end: -1 is the last.
  auto counted = [](const std::vector<int>& wanted, local_days first, local_days last,
                    local_days day) {
    const int from_first = static_cast<int>((day - first).count()) + 1;
    const int from_last = static_cast<int>((day - last).count()) - 1;
    return contains(wanted, from_first) || contains(wanted, from_last);
  };
  if (!rule.month_days.empty() && !counted(rule.month_days, month_first, month_last, day))
    return false;
  if (!rule.year_days.empty() && !counted(rule.year_days, year_first, year_last, day)) return false;
  return true;
}

// The periods INTERVAL and BYSETPOS count in: hours, days, weeks (starting
// on WKST), months or years; the k-th is the k-th of the rule's, every
// INTERVAL-th from the one holding DTSTART.
class Periods {
 public:
  Periods(const Rule& rule, local_seconds start)
      : freq_(rule.freq),
        interval_(rule.interval),
        week_start_(rule.week_start),
        first_(start_of(start)) {}

  local_seconds start_of(local_seconds t) const {
    const auto day = date::floor<date::days>(t);
    const date::year_month_day ymd{day};
    switch (freq_) {
      case Freq::hourly:
        return date::floor<hours>(t);
      case Freq::daily:
        return local_seconds{day};
      case Freq::weekly:
        return local_seconds{day -
                             date::days{(date::weekday{day}.c_encoding() + 7 - week_start_) % 7}};
      case Freq::monthly:
        return local_seconds{local_days{ymd.year() / ymd.month() / 1}};
      case Freq::yearly:
        return local_seconds{local_days{ymd.year() / 1 / 1}};
    }
    return t;
  }

  local_seconds nth(long long k) const { return advance(first_, k * interval_); }
  local_seconds after(local_seconds period) const { return advance(period, 1); }

  // The first k whose period does not end before the one holding `t`.
  long long first_reaching(local_seconds t) const {
    long long units = 0;
    const auto target = start_of(t);
    const date::year_month_day a{date::floor<date::days>(first_)},
        b{date::floor<date::days>(target)};
    switch (freq_) {
      case Freq::hourly:
        units = date::floor<hours>(target - first_).count();
        break;
      case Freq::daily:
        units = date::floor<date::days>(target - first_).count();
        break;
      case Freq::weekly:
        units = date::floor<date::weeks>(target - first_).count();
        break;
      case Freq::monthly:
        units = (b.year() / b.month() - a.year() / a.month()).count();
        break;
      case Freq::yearly:
        units = (b.year() - a.year()).count();
        break;
    }
    return units <= 0 ? 0 : (units + interval_ - 1) / interval_;
  }

 private:
  local_seconds advance(local_seconds period, long long units) const {
    const date::year_month_day ymd{date::floor<date::days>(period)};
    switch (freq_) {
      case Freq::hourly:
        return period + hours{units};
      case Freq::daily:
        return period + date::days{units};
      case Freq::weekly:
        return period + date::weeks{units};
      case Freq::monthly:
        return local_seconds{local_days{(ymd.year() / ymd.month() + date::months{units}) / 1}};
      case Freq::yearly:
        return local_seconds{local_days{(ymd.year() + date::years{units}) / 1 / 1}};
    }
    return period;
  }

  Freq freq_;
  long long interval_;
  unsigned week_start_;
  local_seconds first_;
};

// Times of day (of the hour, for HOURLY) every matching day has, in order.
std::vector<seconds> times_of_day(const Rule& rule, local_seconds start) {
  std::vector<seconds> times;
  const auto second = (start - date::floor<minutes>(start));
  for (int hour : rule.freq == Freq::hourly ? std::vector<int>{0} : rule.hours)
    for (int minute : rule.minutes) times.push_back(hours{hour} + minutes{minute} + second);
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  return times;
}

// The days of `period` the rule matches, as their starts (its hour, for
// HOURLY). `first_day`: where the set starts — python-dateutil (the oracle)
// starts the first week's set on DTSTART's day; a first month or year is whole.
void matching_days(const Rule& rule, const Periods& periods, local_seconds period,
                   local_seconds first_day, std::vector<local_seconds>& day_starts) {
  day_starts.clear();
  if (rule.freq == Freq::hourly) {
    const auto day = date::floor<date::days>(period);
    if (on_day(rule, day) &&
        (rule.hours.empty() || contains(rule.hours, static_cast<int>((period - day) / hours{1}))))
      day_starts.push_back(period);
    return;
  }
  auto day = date::floor<date::days>(rule.freq == Freq::weekly ? first_day : period);
  for (const auto end = date::floor<date::days>(periods.after(period)); day < end;
       day += date::days{1})
    if (on_day(rule, day)) day_starts.push_back(local_seconds{day});
}

}  // namespace

std::string rrule_error(std::string_view rrule) {
  return parse_recurrence(rrule).error;
}

std::vector<local_seconds> expand_rrule(std::string_view rrule, local_seconds start,
                                        local_seconds from, local_seconds to, std::size_t limit) {
  std::vector<local_seconds> occurrences;
  auto parsed = parse_recurrence(rrule);
  if (!parsed.error.empty() || from >= to) return occurrences;
  const Rule rule = with_start_defaults(std::move(parsed.rule), start);
  const Periods periods(rule, start);

  const auto times = times_of_day(rule, start);

  int counted = 0;  // occurrences from DTSTART on, for COUNT
  // Takes one occurrence, in order; false once the expansion is over.
  auto take = [&](local_seconds t) {
    if (rule.until && t > *rule.until) return false;
    if (t < start) return true;  // in DTSTART's period, but before it
    if (rule.count > 0 && counted++ >= rule.count) return false;
    if (t >= to) return false;
    if (t >= from) occurrences.push_back(t);
    return occurrences.size() < limit;
  };

  std::vector<local_seconds> day_starts;  // a period's matching days (its hour, for HOURLY)
  std::vector<local_seconds> chosen;
  // Without COUNT nothing before the window matters: start at its period.
  // The walk ends at the window, UNTIL or COUNT, and after a bounded number
  // of periods for rules that never occur.
  for (long long k = rule.count == 0 ? periods.first_reaching(from) : 0, walked = 0;
       walked < 2'000'000; ++k, ++walked) {
    const auto period = periods.nth(k);
    if (period >= to || (rule.until && period > *rule.until)) break;
    matching_days(rule, periods, period, k == 0 ? start : period, day_starts);
    // The period's set is every matching day at every time, in order;
    // BYSETPOS picks from it by position (1 = first, -1 = last).
    const auto size =
        static_cast<long long>(day_starts.size()) * static_cast<long long>(times.size());
    auto at = [&](long long i) {
      return day_starts[static_cast<std::size_t>(i) / times.size()] +
             times[static_cast<std::size_t>(i) % times.size()];
    };
    bool go_on = true;
    if (rule.set_positions.empty()) {
      for (long long i = 0; i < size && go_on; ++i) go_on = take(at(i));
    } else {
      chosen.clear();
      for (int position : rule.set_positions) {
        const long long i = position > 0 ? position - 1 : size + position;
        if (i >= 0 && i < size) chosen.push_back(at(i));
      }
      std::sort(chosen.begin(), chosen.end());
      chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
      for (std::size_t i = 0; i < chosen.size() && go_on; ++i) go_on = take(chosen[i]);
    }
    if (!go_on) break;
  }
  return occurrences;
}

}  // namespace confer::domain
