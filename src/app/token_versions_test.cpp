#include "app/token_versions.hpp"

#include <gtest/gtest.h>

namespace confer::app {
namespace {

class TokenVersionsTest : public ::testing::Test {
 protected:
  std::optional<std::int64_t> current(const std::string& user) {
    return versions.current(user, [&](const std::string& id) -> std::optional<std::int64_t> {
      ++reads;
      if (id == "ghost") return std::nullopt;
      return database_version;
    });
  }

  FixedClock clock{1'000'000};
  TokenVersions versions{clock, 1000, 3};
  std::int64_t database_version = 0;
  int reads = 0;
};

TEST_F(TokenVersionsTest, AVersionIsReusedForTheTtlOnly) {
  EXPECT_EQ(current("ada"), 0);
  database_version = 1;  // another process bumps it
  clock.advance_ms(999);
  EXPECT_EQ(current("ada"), 0);
  EXPECT_EQ(reads, 1);
  clock.advance_ms(1);
  EXPECT_EQ(current("ada"), 1);
  EXPECT_EQ(reads, 2);
}

TEST_F(TokenVersionsTest, ForgettingReadsAgainAtOnce) {
  EXPECT_EQ(current("ada"), 0);
  database_version = 1;  // this process bumps it
  versions.forget("ada");
  EXPECT_EQ(current("ada"), 1);
  EXPECT_EQ(reads, 2);
}

TEST_F(TokenVersionsTest, AReadThatRacedAForgetIsNotRemembered) {
  auto answer = versions.current("ada", [&](const std::string&) -> std::optional<std::int64_t> {
    versions.forget("ada");  // the bump commits while this read is under way
    return 0;
  });
  EXPECT_EQ(answer, 0);
  database_version = 1;
  EXPECT_EQ(current("ada"), 1);
  EXPECT_EQ(reads, 1);
}

TEST_F(TokenVersionsTest, UnknownUsersAreNotRemembered) {
  EXPECT_EQ(current("ghost"), std::nullopt);
  EXPECT_EQ(current("ghost"), std::nullopt);
  EXPECT_EQ(reads, 2);
}

TEST_F(TokenVersionsTest, StaysWithinItsSize) {
  for (const char* user : {"a", "b", "c"}) current(user);
  clock.advance_ms(1000);
  current("d");  // the stale ones make room
  current("a");
  EXPECT_EQ(reads, 5);
  current("d");
  EXPECT_EQ(reads, 5);
}

TEST_F(TokenVersionsTest, NoTtlMeansNoCaching) {
  TokenVersions uncached(clock, 0);
  int loads = 0;
  auto load = [&](const std::string&) -> std::optional<std::int64_t> { return ++loads; };
  EXPECT_EQ(uncached.current("ada", load), 1);
  EXPECT_EQ(uncached.current("ada", load), 2);
}

}  // namespace
}  // namespace confer::app
