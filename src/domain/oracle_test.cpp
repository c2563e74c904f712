// Property tests against independent implementations: thousands of random
// wall-clock conversions checked with Python's zoneinfo, and RRULE expansions
// checked with python3-dateutil. Both read the same IANA data and RFC 5545.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "domain/instant_format.hpp"
#include "domain/local_time.hpp"
#include "domain/recurrence.hpp"

namespace confer::domain {
namespace {

const char* python = "/usr/bin/python3";

std::string oracle(const std::string& script) {
  return std::string(CONFER_SOURCE_DIR) + "/tests/oracle/" + script;
}

// Runs the script with `input` on stdin; returns its output lines.
std::vector<std::string> run_oracle(const std::string& script, const std::string& input) {
  auto in = std::filesystem::temp_directory_path() / ("confer-oracle-" + std::to_string(getpid()));
  std::ofstream(in) << input;
  std::string command = std::string(python) + " " + oracle(script) + " < " + in.string();
  std::vector<std::string> lines;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    std::string current;
    while (fgets(buffer, sizeof buffer, pipe)) {
      current += buffer;
      if (!current.empty() && current.back() == '\n') {
        current.pop_back();
        lines.push_back(current);
        current.clear();
      }
    }
    pclose(pipe);
  }
  std::filesystem::remove(in);
  return lines;
}

bool python_has(const char* module) {
  std::string command = std::string(python) + " -c 'import " + module + "' 2>/dev/null";
  return std::filesystem::exists(python) && std::system(command.c_str()) == 0;
}

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

TEST(Oracle, RruleExpansionMatchesDateutil) {
  if (!python_has("dateutil.rrule")) GTEST_SKIP() << "no python3-dateutil";
  const std::vector<std::string> rules{
      "FREQ=DAILY",
      "FREQ=DAILY;INTERVAL=3",
      "FREQ=DAILY;COUNT=10",
      "FREQ=WEEKLY;BYDAY=MO,WE,FR",
      "FREQ=WEEKLY;BYDAY=SA;INTERVAL=2",
      "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=15",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;UNTIL=20270101T000000",
      "FREQ=MONTHLY;BYDAY=1MO",
      "FREQ=MONTHLY;BYDAY=-1FR",
      "FREQ=MONTHLY;BYMONTHDAY=15",
      "FREQ=MONTHLY;BYMONTHDAY=-1",
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
      "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
      "FREQ=WEEKLY;WKST=MO;BYDAY=MO;INTERVAL=3",
      "FREQ=HOURLY;INTERVAL=6;COUNT=20",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;COUNT=9",
      "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SA;WKST=SU",
      "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,WE;COUNT=7",
      "FREQ=WEEKLY;INTERVAL=4",
  };
  std::mt19937 random(42);
  std::uniform_int_distribution<int> start_day(0, 400), length(1, 120), minute(0, 95);
  std::vector<std::string> lines;
  std::vector<
      std::tuple<std::string, date::local_seconds, date::local_seconds, date::local_seconds>>
      cases;
  const auto base = date::local_days{date::year{2026} / 1 / 1};
  for (int i = 0; i < 600; ++i) {
    const auto& rule = rules[i % rules.size()];
    auto start = date::local_seconds{(base + date::days{start_day(random)}).time_since_epoch()} +
                 std::chrono::minutes{minute(random) * 15};
    auto from = start + date::days{start_day(random) / 4} - date::days{10};
    auto to = from + date::days{length(random)};
    cases.emplace_back(rule, start, from, to);
  }
  auto text = [](date::local_seconds t) {
    auto day = date::floor<date::days>(t);
    return format_local_date(LocalDay{day.time_since_epoch()}) + "T" +
           format_hhmm(static_cast<int>((t - day).count() / 60));
  };
  std::string input;
  for (const auto& [rule, start, from, to] : cases)
    input += rule + "|" + text(start) + "|" + text(from) + "|" + text(to) + "\n";
  auto expected = run_oracle("rrule_oracle.py", input);
  ASSERT_EQ(expected.size(), cases.size());
  int non_empty = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& [rule, start, from, to] = cases[i];
    std::string got;
    for (auto occurrence : expand_rrule(rule, start, from, to))
      got += (got.empty() ? "" : " ") + text(occurrence);
    non_empty += !got.empty();
    ASSERT_EQ(got, expected[i]) << rule << " from " << text(start) << " window " << text(from)
                                << " .. " << text(to);
  }
  EXPECT_GT(non_empty, 400);
}

}  // namespace
}  // namespace confer::domain
