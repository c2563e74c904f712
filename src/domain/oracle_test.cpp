// Property tests against an independent implementation: thousands of random
// wall-clock conversions checked with Python's zoneinfo, which reads the same
// IANA data. (RRULE expansions are checked in recurrence_oracle_test.cpp.)
#include <gtest/gtest.h>

#include <random>

#include "domain/instant_format.hpp"
#include "domain/local_time.hpp"
#include "domain/testing/python_oracle.hpp"

namespace confer::domain {
namespace {

using testing::python_has;
using testing::run_oracle;

const std::vector<std::string> zones{"America/New_York",    "Europe/Berlin",
                                     "Australia/Lord_Howe", "Asia/Kolkata",
                                     "Pacific/Chatham",     "Australia/Sydney",
                                     "America/Santiago",    "America/St_Johns",
                                     "Europe/London",       "Asia/Tehran",
                                     "Africa/Casablanca",   "Pacific/Apia",
                                     "America/Sao_Paulo",   "UTC"};

std::string local_text(LocalDay day, int minute) {
  return format_local_date(day) + "T" + format_hhmm(minute);
}

TEST(Oracle, LocalToUtcMatchesZoneinfo) {
  if (!python_has("zoneinfo")) GTEST_SKIP() << "no python3 with zoneinfo";
  std::mt19937 random(20261124);
  std::uniform_int_distribution<int> day_in_range(0, 365 * 12);  // 2019 … 2030
  std::uniform_int_distribution<int> minute_of_day(0, 1439);
  std::vector<std::pair<std::string, std::string>> cases;
  const auto base = LocalDay{date::year{2019} / 1 / 1};
  for (int i = 0; i < 4000; ++i) {
    const auto& zone = zones[i % zones.size()];
    cases.emplace_back(zone,
                       local_text(base + date::days{day_in_range(random)}, minute_of_day(random)));
  }
  // Densely around every transition of 2026 in every zone: where bugs live.
  for (const auto& name : zones) {
    const auto* zone = find_zone(name);
    auto instant = Instant{date::sys_days{date::year{2026} / 1 / 1}};
    for (int n = 0; n < 4; ++n) {
      auto info = zone->get_info(instant);
      if (info.end > Instant{date::sys_days{date::year{2027} / 1 / 1}}) break;
      auto local =
          date::floor<date::days>(date::local_seconds{(info.end + info.offset).time_since_epoch()});
      for (int minute = 0; minute < 1440; minute += 15)
        cases.emplace_back(name, local_text(LocalDay{local.time_since_epoch()}, minute));
      instant = info.end;
    }
  }
  std::string input;
  for (const auto& [zone, local] : cases) input += "local " + zone + " " + local + "\n";
  auto expected = run_oracle("zone_oracle.py", input);
  ASSERT_EQ(expected.size(), cases.size());
  int gaps = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    WallClock clock(find_zone(cases[i].first));
    auto ours = clock.to_utc(*parse_local_datetime(cases[i].second));
    std::string got = ours ? std::to_string(ours->time_since_epoch().count()) : "gap";
    gaps += got == "gap";
    ASSERT_EQ(got, expected[i]) << cases[i].first << " " << cases[i].second;
  }
  EXPECT_GT(gaps, 20) << "the cases should include spring-forward gaps";
}

TEST(Oracle, OffsetsAndLocalRenderingMatchZoneinfo) {
  if (!python_has("zoneinfo")) GTEST_SKIP() << "no python3 with zoneinfo";
  std::mt19937 random(7);
  std::uniform_int_distribution<std::int64_t> second(1'546'300'800, 1'924'992'000);  // 2019–2031
  std::vector<std::pair<std::string, std::int64_t>> cases;
  for (int i = 0; i < 3000; ++i) cases.emplace_back(zones[i % zones.size()], second(random));
  std::string input;
  for (const auto& [zone, t] : cases) input += "offset " + zone + " " + std::to_string(t) + "\n";
  auto expected = run_oracle("zone_oracle.py", input);
  ASSERT_EQ(expected.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    WallClock clock(find_zone(cases[i].first));
    auto offset = clock.offset_at(Instant{std::chrono::seconds{cases[i].second}});
    ASSERT_EQ(std::to_string(offset.count()), expected[i])
        << cases[i].first << " " << cases[i].second;
  }
}

}  // namespace
}  // namespace confer::domain
