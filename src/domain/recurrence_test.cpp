#include "domain/recurrence.hpp"

#include <gtest/gtest.h>

namespace confer::domain {
namespace {

date::local_seconds at(std::string_view text) {
  return *parse_local_datetime(text);
}

std::vector<std::string> expand(std::string_view rule, std::string_view start,
                                std::string_view from, std::string_view to) {
  std::vector<std::string> out;
  for (auto t : expand_rrule(rule, at(start), at(from), at(to))) {
    auto day = date::floor<date::days>(t);
    out.push_back(format_local_date(LocalDay{day.time_since_epoch()}) + "T" +
                  format_hhmm(static_cast<int>((t - day).count() / 60)));
  }
  return out;
}

// Issue 13, item 16: libical 3.0 ignores BYSETPOS in WEEKLY rules.
TEST(Recurrence, WeeklyBySetPosPicksFromEachWeeksDays) {
  // 2026-03-02 is a Monday.
  EXPECT_EQ(expand("FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1", "2026-03-02T09:00", "2026-03-01T00:00",
                   "2026-03-22T00:00"),
            (std::vector<std::string>{"2026-03-06T09:00", "2026-03-13T09:00", "2026-03-20T09:00"}));
  EXPECT_EQ(expand("FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=2;INTERVAL=2;COUNT=2", "2026-03-02T09:00",
                   "2026-03-01T00:00", "2026-04-30T00:00"),
            (std::vector<std::string>{"2026-03-04T09:00", "2026-03-18T09:00"}));
}

TEST(Recurrence, BySetPosPicksFromTheFirstWeekFromItsStartDayAndFromWholeMonths) {
  // As python-dateutil: the first week's set starts on DTSTART's day (Wed,
  // Fri), so its first is the Wednesday start itself.
  EXPECT_EQ(expand("FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=1", "2026-03-04T09:00", "2026-03-01T00:00",
                   "2026-03-17T00:00"),
            (std::vector<std::string>{"2026-03-04T09:00", "2026-03-09T09:00", "2026-03-16T09:00"}));
  // A month's set is the whole month: March's first weekday is the 2nd,
  // before the start, so March gives nothing.
  EXPECT_EQ(expand("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "2026-03-04T09:00",
                   "2026-03-01T00:00", "2026-05-01T00:00"),
            (std::vector<std::string>{"2026-04-01T09:00"}));
  // UNTIL ends the set, it does not shorten a period's candidates: the last
  // weekday of March 2026 is Tuesday the 31st, after UNTIL.
  EXPECT_EQ(expand("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;UNTIL=20260330T235900",
                   "2026-01-01T10:00", "2026-01-01T00:00", "2026-06-01T00:00"),
            (std::vector<std::string>{"2026-01-30T10:00", "2026-02-27T10:00"}));
}

TEST(Recurrence, AcceptsTheRulePartsItExpands) {
  for (const char* rule : {
           "FREQ=WEEKLY;BYDAY=SA;COUNT=10",
           "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1",
           "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T000000",
           "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;WKST=SU",
           "FREQ=YEARLY;BYYEARDAY=-1;BYHOUR=9,14;BYMINUTE=30",
           "FREQ=YEARLY;BYYEARDAY=100;BYMONTH=4",
           "FREQ=MONTHLY;BYMONTHDAY=-5;BYDAY=1TH",  // never occurs, as in dateutil
           "FREQ=HOURLY;INTERVAL=6;BYMONTHDAY=1",
       })
    EXPECT_EQ(rrule_error(rule), "") << rule;
}

TEST(Recurrence, RefusesWhatRfc5545ForbidsOrAvailabilityCannotUse) {
  struct Refused {
    const char* rule;
    const char* reason;  // part of the message
  };
  for (auto [rule, reason] : std::initializer_list<Refused>{
           {"", "FREQ"},
           {"FREQ=SOMETIMES", "FREQ"},
           {"FREQ=MINUTELY", "HOURLY"},
           {"FREQ=DAILY;BYSECOND=30", "BYSECOND"},
           {"FREQ=WEEKLY;BYDAY=1MO", "number"},
           {"FREQ=YEARLY;BYWEEKNO=3", "BYWEEKNO"},
           {"FREQ=MONTHLY;BYDAY=6MO", "number"},
           {"FREQ=MONTHLY;BYDAY=1FR,MO", "number every BYDAY day or none"},
           {"FREQ=MONTHLY;BYWEEKNO=3", "BYWEEKNO"},
           {"FREQ=WEEKLY;BYYEARDAY=100", "BYYEARDAY"},
           {"FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY"},
           {"FREQ=DAILY;COUNT=3;UNTIL=20270101", "COUNT"},
           {"FREQ=DAILY;COUNT=0", "RRULE"},
           {"FREQ=DAILY;BYSETPOS=0", "RRULE"},
           {"FREQ=YEARLY;BYMONTH=13", "RRULE"},
           {"FREQ=DAILY;FOO=1", "RRULE"},
       }) {
    auto error = rrule_error(rule);
    EXPECT_NE(error.find(reason), std::string::npos) << rule << ": " << error;
    EXPECT_FALSE(is_valid_rrule(rule)) << rule;
  }
}

}  // namespace
}  // namespace confer::domain
