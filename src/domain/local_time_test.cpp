#include "domain/local_time.hpp"

#include <gtest/gtest.h>

namespace confer::domain {
namespace {

TEST(UnixMilliseconds, AreWholeSecondsRoundedDown) {
  EXPECT_EQ(from_unix_ms(1'800'000'000'999), Instant{std::chrono::seconds{1'800'000'000}});
  EXPECT_EQ(from_unix_ms(0), Instant{});
  EXPECT_EQ(from_unix_ms(-1), Instant{std::chrono::seconds{-1}});
}

TEST(UnixMilliseconds, AnInstantGoesBackExactly) {
  const Instant instant{std::chrono::seconds{1'800'000'000}};
  EXPECT_EQ(to_unix_ms(instant), 1'800'000'000'000);
  EXPECT_EQ(from_unix_ms(to_unix_ms(instant)), instant);
}

}  // namespace
}  // namespace confer::domain
