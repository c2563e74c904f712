#include "http/json/instant.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace confer::http::json {
namespace {

TEST(InstantJson, UnixMillisecondsAreUtcToTheSecondWithAZ) {
  EXPECT_EQ(iso_utc(std::int64_t{1'800'000'000'000}), "2027-01-15T08:00:00Z");
  EXPECT_EQ(iso_utc(std::int64_t{1'800'000'000'999}), "2027-01-15T08:00:00Z");
  EXPECT_EQ(iso_utc(std::int64_t{0}), "1970-01-01T00:00:00Z");
  // Rounded down, also before the epoch.
  EXPECT_EQ(iso_utc(std::int64_t{-1}), "1969-12-31T23:59:59Z");
}

TEST(InstantJson, AnInstantReadsTheSameAsItsMilliseconds) {
  const domain::Instant instant{std::chrono::seconds{1'800'000'000}};
  EXPECT_EQ(iso_utc(instant), iso_utc(std::int64_t{1'800'000'000'000}));
}

TEST(InstantJson, NoInstantIsNull) {
  EXPECT_EQ(iso_utc_or_null(std::nullopt), boost::json::value(nullptr));
  EXPECT_EQ(iso_utc_or_null(std::int64_t{1'800'000'000'000}),
            boost::json::value("2027-01-15T08:00:00Z"));
}

}  // namespace
}  // namespace confer::http::json
