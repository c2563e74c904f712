// RRULE expansion checked against python3-dateutil on thousands of random
// rules that use every rule part the validator accepts, started around the DST
// changes of zones on both hemispheres, each occurrence also placed on the
// zone's clock (checked against zoneinfo).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <set>

#include "domain/local_time.hpp"
#include "domain/recurrence.hpp"
#include "domain/testing/python_oracle.hpp"

namespace confer::domain {
namespace {

using testing::python_has;
using testing::run_oracle;

constexpr std::array<const char*, 7> day_codes{"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

// Random rules that keep to RFC 5545's table of which part goes with which
// FREQ (the validator refuses the rest; see recurrence_test.cpp).
class RuleGenerator {
 public:
  explicit RuleGenerator(std::uint32_t seed) : random_(seed) {}

  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  bool chance(int percent) { return pick(1, 100) <= percent; }

  // 1 to `most` distinct values made by `make`, comma-separated.
  template <typename Make>
  std::string values(int most, Make make) {
    std::set<std::string> seen;
    std::string out;
    for (int n = pick(1, most); n > 0; --n) {
      auto value = make();
      if (seen.insert(value).second) out += (out.empty() ? "" : ",") + value;
    }
    return out;
  }
  std::string signed_number(int most) {
    int n = pick(1, most);
    return std::to_string(chance(30) ? -n : n);
  }
  // All numbered (such as 1MO,-2FR) or none: the validator refuses a mix.
  std::string weekdays(int ordinal_max) {
    const bool numbered = ordinal_max > 0 && chance(70);
    return values(
        4, [&] { return (numbered ? signed_number(ordinal_max) : "") + day_codes[pick(0, 6)]; });
  }

  std::string rule(date::local_seconds start) {
    static const std::array<const char*, 5> freqs{"HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
    const int weights = pick(1, 100);
    const std::string freq = freqs[weights <= 6    ? 0
                                   : weights <= 25 ? 1
                                   : weights <= 55 ? 2
                                   : weights <= 80 ? 3
                                                   : 4];
    const bool hourly = freq == "HOURLY", weekly = freq == "WEEKLY";
    const bool monthly = freq == "MONTHLY", yearly = freq == "YEARLY";
    std::string rule = "FREQ=" + freq;
    auto part = [&](const std::string& name, const std::string& value) {
      rule += ";" + name + "=" + value;
    };
    if (chance(40)) part("INTERVAL", std::to_string(hourly ? pick(1, 12) : pick(1, 4)));
    if (int end = pick(0, 2); end == 1) {
      part("COUNT", std::to_string(pick(1, 40)));
    } else if (end == 2) {
      auto until = start + date::days{pick(0, 700)} + std::chrono::minutes{pick(0, 95) * 15};
      auto day = date::floor<date::days>(until);
      date::year_month_day ymd{day};
      char text[32];
      std::snprintf(text, sizeof text, "%04d%02u%02u", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
      std::string value = text;
      if (chance(70)) {
        auto minutes = (until - day).count() / 60;
        std::snprintf(text, sizeof text, "T%02d%02d00", static_cast<int>(minutes / 60),
                      static_cast<int>(minutes % 60));
        value += text;
        if (chance(25)) value += "Z";  // read on the wall clock all the same
      }
      part("UNTIL", value);
    }
    if (chance(yearly ? 45 : 12))
      part("BYMONTH", values(3, [&] { return std::to_string(pick(1, 12)); }));
    if ((yearly || hourly) && chance(15))
      part("BYYEARDAY", values(3, [&] { return signed_number(366); }));
    if (!weekly && chance(monthly ? 45 : yearly ? 30 : 12))
      part("BYMONTHDAY",
           values(3, [&] { return chance(85) ? signed_number(28) : signed_number(31); }));
    if (chance(weekly ? 80 : 40)) {
      // Numbers only with MONTHLY and YEARLY: up to 5 within a month, 53
      // within a year.
      const bool in_month = monthly || rule.find("BYMONTH=") != std::string::npos;
      part("BYDAY", weekdays(monthly || yearly ? (in_month ? 5 : 53) : 0));
    }
    if (chance(hourly ? 15 : 25))
      part("BYHOUR", values(3, [&] { return std::to_string(pick(0, 23)); }));
    if (chance(20)) part("BYMINUTE", values(3, [&] { return std::to_string(pick(0, 11) * 5); }));
    if (chance(40)) part("BYSETPOS", values(3, [&] { return signed_number(chance(80) ? 4 : 30); }));
    if (chance(30)) part("WKST", day_codes[pick(0, 6)]);
    return rule;
  }

 private:
  std::mt19937 random_;
};

// Local days on which `zone` changes its offset in 2026 and 2027.
std::vector<LocalDay> transition_days(const std::string& name) {
  std::vector<LocalDay> days;
  const auto* zone = find_zone(name);
  auto instant = Instant{date::sys_days{date::year{2026} / 1 / 1}};
  const auto end = Instant{date::sys_days{date::year{2028} / 1 / 1}};
  while (true) {
    auto info = zone->get_info(instant);
    if (info.end >= end) break;
    auto local = date::local_seconds{(info.end + info.offset).time_since_epoch()};
    days.push_back(date::floor<date::days>(local));
    instant = info.end;
  }
  return days;
}

std::string text(date::local_seconds t) {
  auto day = date::floor<date::days>(t);
  return format_local_date(LocalDay{day.time_since_epoch()}) + "T" +
         format_hhmm(static_cast<int>((t - day).count() / 60));
}

struct Case {
  std::string zone;
  std::string rule;
  date::local_seconds start, from, to;
};

// The first differing occurrence and a few after it, not a year of them.
std::string from_first_difference(const std::string& list, const std::string& other) {
  auto at = std::mismatch(list.begin(), list.end(), other.begin(), other.end()).first;
  auto word = list.rfind(' ', static_cast<std::size_t>(at - list.begin()));
  auto shown = list.substr(word == std::string::npos ? 0 : word + 1, 300);
  return (word == std::string::npos ? "" : "… ") + shown;
}

void expect_matches_dateutil(const std::vector<Case>& cases, int min_non_empty) {
  std::string input;
  for (const auto& c : cases)
    input +=
        c.zone + "|" + c.rule + "|" + text(c.start) + "|" + text(c.from) + "|" + text(c.to) + "\n";
  auto expected = run_oracle("rrule_oracle.py", input);
  ASSERT_EQ(expected.size(), cases.size());
  int non_empty = 0, mismatches = 0, in_gaps = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& c = cases[i];
    ASSERT_EQ(rrule_error(c.rule), "") << c.rule;
    WallClock clock(find_zone(c.zone));
    std::string got;
    for (auto occurrence : expand_rrule(c.rule, c.start, c.from, c.to)) {
      auto utc = clock.to_utc(occurrence);
      got += (got.empty() ? "" : " ") + text(occurrence) + "=" +
             (utc ? std::to_string(utc->time_since_epoch().count()) : "gap");
    }
    non_empty += !got.empty();
    for (auto at = got.find("=gap"); at != std::string::npos; at = got.find("=gap", at + 1))
      ++in_gaps;
    if (got != expected[i] && ++mismatches <= 10)
      ADD_FAILURE() << c.rule << " from " << text(c.start) << " in " << c.zone << ", window "
                    << text(c.from) << " .. " << text(c.to)
                    << "\n  ours:     " << from_first_difference(got, expected[i])
                    << "\n  dateutil: " << from_first_difference(expected[i], got);
  }
  EXPECT_EQ(mismatches, 0) << "rules expanded unlike dateutil";
  EXPECT_GE(non_empty, min_non_empty);
  EXPECT_GT(in_gaps, 10) << "the cases should include times the clocks skip";
}

TEST(Oracle, RruleExpansionMatchesDateutil) {
  if (!python_has("dateutil.rrule")) GTEST_SKIP() << "no python3-dateutil";
  // Rules people write, and the ones that found bugs before.
  const std::vector<std::string> rules{
      "FREQ=DAILY",
      "FREQ=DAILY;INTERVAL=3",
      "FREQ=DAILY;COUNT=10",
      "FREQ=WEEKLY;BYDAY=MO,WE,FR",
      "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1",
      "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=1;COUNT=5",
      "FREQ=WEEKLY;BYDAY=SA;INTERVAL=2",
      "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=15",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;UNTIL=20270101T000000",
      "FREQ=MONTHLY;BYDAY=1MO",
      "FREQ=MONTHLY;BYDAY=-1FR",
      "FREQ=MONTHLY;BYMONTHDAY=15",
      "FREQ=MONTHLY;BYMONTHDAY=-1",
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1;UNTIL=20270301",
      "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
      "FREQ=YEARLY;BYMONTH=1,7;BYDAY=MO;BYSETPOS=2",
      "FREQ=WEEKLY;WKST=MO;BYDAY=MO;INTERVAL=3",
      "FREQ=HOURLY;INTERVAL=6;COUNT=20",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;COUNT=9",
      "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SA;WKST=SU",
      "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,WE;COUNT=7",
      "FREQ=WEEKLY;INTERVAL=4",
      // libical 3.0 expands these wrongly (nothing; January only; skips 14:30).
      "FREQ=DAILY;BYMONTHDAY=-10",
      "FREQ=YEARLY;BYMONTHDAY=22,2",
      "FREQ=HOURLY;BYHOUR=14,18",
  };
  RuleGenerator random(20261113);
  const std::vector<std::string> zones{"Europe/Berlin", "America/New_York", "Australia/Sydney",
                                       "Europe/London", "America/Santiago", "Australia/Lord_Howe"};
  std::map<std::string, std::vector<LocalDay>> changes;
  for (const auto& zone : zones) changes[zone] = transition_days(zone);
  std::vector<Case> cases;
  for (int i = 0; i < 2400; ++i) {
    const auto& zone = zones[i % zones.size()];
    const auto& days = changes[zone];
    // Start near a DST change, often in the small hours where the clocks
    // jump; a third of the rules start just before one and are looked at
    // across it.
    const bool across_change = random.chance(35);
    auto day = days[random.pick(0, static_cast<int>(days.size()) - 1)] +
               date::days{across_change ? -random.pick(0, 3) : random.pick(-20, 20)};
    auto minute =
        across_change || random.chance(40) ? random.pick(0, 15) * 15 : random.pick(0, 95) * 15;
    auto start = date::local_seconds{day.time_since_epoch()} + std::chrono::minutes{minute};
    auto rule = i < 400 ? rules[i % rules.size()] : random.rule(start);
    // Windows before, at and long after the start (which the expansion may
    // jump to), short enough for the densest rules.
    const int longest = rule.find("HOURLY") != std::string::npos  ? 20
                        : rule.find("DAILY") != std::string::npos ? 120
                                                                  : 400;
    auto from =
        across_change
            ? start - date::days{1}
            : start + date::days{random.chance(40) ? random.pick(-10, 3) : random.pick(0, 700)} +
                  std::chrono::minutes{random.pick(0, 95) * 15};
    cases.push_back({zone, rule, start, from, from + date::days{random.pick(1, longest)}});
  }
  expect_matches_dateutil(cases, 1000);
}

}  // namespace
}  // namespace confer::domain
