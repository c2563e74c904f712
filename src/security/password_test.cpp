#include "security/password.hpp"

#include <gtest/gtest.h>

#include <string>

#include "security/crypto.hpp"

namespace confer::security {
namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// argon2id at 19 MiB takes tens of milliseconds, so one hash is shared by the suite.
class Password : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    init_crypto();
    hash_ = new std::string(hash_password(password_));
  }
  static void TearDownTestSuite() {
    delete hash_;
    hash_ = nullptr;
  }
  static constexpr std::string_view password_ = "correct horse battery staple";
  static const std::string* hash_;
};
const std::string* Password::hash_ = nullptr;

TEST_F(Password, HashIsArgon2idPhcStringAtOwaspParameters) {
  EXPECT_TRUE(hash_->starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << *hash_;
  EXPECT_FALSE(password_needs_rehash(*hash_));
}

TEST_F(Password, VerifiesTheRightPasswordOnly) {
  EXPECT_TRUE(verify_password(*hash_, password_));
  EXPECT_FALSE(verify_password(*hash_, "correct horse battery stapler"));
  EXPECT_FALSE(verify_password(*hash_, "Correct horse battery staple"));
  EXPECT_FALSE(verify_password(*hash_, ""));
}

TEST_F(Password, SamePasswordHashesDifferentlyEachTime) {
  const auto again = hash_password(password_);
  EXPECT_NE(again, *hash_);  // fresh salt
  EXPECT_TRUE(verify_password(again, password_));
}

TEST_F(Password, MalformedHashesNeverVerify) {
  EXPECT_FALSE(verify_password("", password_));
  EXPECT_FALSE(verify_password("not a hash", password_));
  EXPECT_FALSE(verify_password("$argon2id$", password_));
  EXPECT_FALSE(verify_password(hash_->substr(0, hash_->size() - 5), password_));
  EXPECT_FALSE(verify_password(*hash_ + "AAAA", password_));
  EXPECT_FALSE(verify_password(*hash_ + std::string(1, '\0') + "trailing", password_));
  EXPECT_FALSE(verify_password(std::string(1000, '$'), password_));
  auto wrong_algorithm = *hash_;
  wrong_algorithm.replace(0, 9, "$argon2x");
  EXPECT_FALSE(verify_password(wrong_algorithm, password_));
}

TEST_F(Password, NeedsRehashWhenParametersOrAlgorithmDiffer) {
  auto weaker = *hash_;
  weaker.replace(weaker.find("t=2"), 3, "t=1");
  EXPECT_TRUE(password_needs_rehash(weaker));
  auto smaller = *hash_;
  smaller.replace(smaller.find("m=19456"), 7, "m=12288");
  EXPECT_TRUE(password_needs_rehash(smaller));
  auto argon2i = *hash_;
  argon2i.replace(0, 10, "$argon2i$");
  EXPECT_TRUE(password_needs_rehash(argon2i));
  EXPECT_TRUE(password_needs_rehash(""));
  EXPECT_TRUE(password_needs_rehash("garbage"));
}

TEST(PasswordRule, CountsAsciiCharacters) {
  EXPECT_EQ(check_password_rule(repeat("a", 11)), "must be at least 12 characters");
  EXPECT_EQ(check_password_rule(repeat("a", 12)), std::nullopt);
  EXPECT_EQ(check_password_rule(repeat("a", 128)), std::nullopt);
  EXPECT_EQ(check_password_rule(repeat("a", 129)), "must be at most 128 characters");
  EXPECT_EQ(check_password_rule(""), "must be at least 12 characters");
}

TEST(PasswordRule, CountsCodePointsNotBytes) {
  // "é" is two bytes: 11 of them are 22 bytes but still too short.
  EXPECT_EQ(check_password_rule(repeat("é", 11)), "must be at least 12 characters");
  EXPECT_EQ(check_password_rule(repeat("é", 12)), std::nullopt);
  // 128 × "€" (3 bytes) and 128 × "😀" (4 bytes) are allowed, one more is not.
  EXPECT_EQ(check_password_rule(repeat("€", 128)), std::nullopt);
  EXPECT_EQ(check_password_rule(repeat("😀", 128)), std::nullopt);
  EXPECT_EQ(check_password_rule(repeat("€", 129)), "must be at most 128 characters");
  EXPECT_EQ(check_password_rule(repeat("😀", 129)), "must be at most 128 characters");
  EXPECT_EQ(check_password_rule(repeat("a", 11) + "😀"), std::nullopt);
}

TEST(PasswordRule, RefusesInvalidUtf8) {
  const std::string message = "must be valid UTF-8 text";
  EXPECT_EQ(check_password_rule(repeat("a", 20) + "\xff"), message);
  EXPECT_EQ(check_password_rule(repeat("a", 20) + "\x80"), message);      // lone continuation
  EXPECT_EQ(check_password_rule(repeat("a", 20) + "\xc3"), message);      // truncated
  EXPECT_EQ(check_password_rule("\xe2\x82" + repeat("a", 20)), message);  // bad continuation
  EXPECT_EQ(check_password_rule(repeat("\xc3", 24)), message);
}

}  // namespace
}  // namespace confer::security
