#include "domain/email_address.hpp"

#include <gtest/gtest.h>

namespace confer::domain {
namespace {

TEST(Email, NormalizesAndChecksAddresses) {
  EXPECT_EQ(normalize_email("  Ada@Example.COM\t"), "ada@example.com");
  EXPECT_TRUE(is_plausible_email("ada@example.com"));
  EXPECT_TRUE(is_plausible_email("a.b+tag@sub.example.co.uk"));
  EXPECT_FALSE(is_plausible_email("ada@example"));
  EXPECT_FALSE(is_plausible_email("ada@@example.com"));
  EXPECT_FALSE(is_plausible_email("ada example@example.com"));
  EXPECT_FALSE(is_plausible_email("@example.com"));
  EXPECT_FALSE(is_plausible_email("ada@example..com"));
}

}  // namespace
}  // namespace confer::domain
