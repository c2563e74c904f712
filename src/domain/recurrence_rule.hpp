#pragma once
// An RRULE read into its parts: libical's parser does RFC 5545's grammar;
// the checks here refuse what RFC 5545's table of which part goes with which
// FREQ forbids, and what availability cannot use (BYSECOND, BYWEEKNO, …).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/local_time.hpp"

namespace confer::domain {

struct RecurrenceRule {
  enum class Freq { hourly, daily, weekly, monthly, yearly };
  struct Weekday {
    unsigned day;  // 0 = Sunday
    int n;         // 0: every such day; 2: the second in the month or year; -1: the last
  };
  Freq freq = Freq::daily;
  int interval = 1;
  int count = 0;                             // 0: no COUNT
  std::optional<date::local_seconds> until;  // on the wall clock, even with a trailing Z
  unsigned week_start = 1;                   // WKST, 0 = Sunday
  std::vector<int> months, year_days, month_days, hours, minutes, set_positions;
  std::vector<Weekday> days;  // BYDAY
};

struct ParsedRecurrence {
  RecurrenceRule rule;
  std::string error;  // why the rule cannot be used, for the API's field error; "" when it can
};

ParsedRecurrence parse_recurrence(std::string_view rrule);

}  // namespace confer::domain
