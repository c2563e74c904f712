#include "security/crypto.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <set>
#include <thread>

#include "security/encoding.hpp"

namespace confer::security {
namespace {

class Crypto : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init_crypto(); }
};

TEST_F(Crypto, InitCanBeCalledAgain) {
  EXPECT_NO_THROW(init_crypto());
  EXPECT_NO_THROW(init_crypto());
}

TEST_F(Crypto, Sha256KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256("abc").size(), 32u);
  EXPECT_EQ(hex_encode(sha256("abc")), sha256_hex("abc"));
}

TEST_F(Crypto, HmacSha256Rfc4231Case1) {
  const std::string key(20, '\x0b');
  EXPECT_EQ(hex_encode(hmac_sha256(key, "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST_F(Crypto, HmacSha256Rfc4231Case2) {
  EXPECT_EQ(hex_encode(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_F(Crypto, HmacSha256Rfc4231Case6KeyLongerThanBlock) {
  const std::string key(131, '\xaa');
  EXPECT_EQ(hex_encode(hmac_sha256(key, "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_F(Crypto, HmacSha256AcceptsEmptyKeyAndData) {
  // HMAC-SHA256 with an empty key over an empty message (a widely published value).
  EXPECT_EQ(hex_encode(hmac_sha256(std::string_view{}, std::string_view{})),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST_F(Crypto, ConstantTimeEqualComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("secret", "secret"));
  EXPECT_FALSE(constant_time_equal("secret", "secreT"));
  EXPECT_FALSE(constant_time_equal("Secret", "secret"));
  EXPECT_FALSE(constant_time_equal("secret", "secret2"));
  EXPECT_FALSE(constant_time_equal("secret", ""));
  EXPECT_TRUE(constant_time_equal(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
  EXPECT_FALSE(constant_time_equal(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
}

TEST_F(Crypto, RandomBytesHaveTheAskedLengthAndDiffer) {
  EXPECT_EQ(random_bytes(0).size(), 0u);
  EXPECT_EQ(random_bytes(1).size(), 1u);
  EXPECT_EQ(random_bytes(100).size(), 100u);
  EXPECT_NE(random_bytes(32), random_bytes(32));
}

TEST_F(Crypto, RandomTokenIsBase64UrlOf256BitsByDefault) {
  const auto token = random_token();
  EXPECT_EQ(token.size(), 43u);
  const auto bytes = base64url_decode(token);
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(bytes->size(), 32u);
  EXPECT_EQ(base64url_decode(random_token(16))->size(), 16u);
  EXPECT_NE(random_token(), random_token());
}

TEST_F(Crypto, UuidIsVersion7WithRfc9562Variant) {
  const std::regex canonical(
      "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  for (int i = 0; i < 200; ++i) {
    const auto uuid = new_uuid();
    ASSERT_EQ(uuid.size(), 36u);
    EXPECT_TRUE(std::regex_match(uuid, canonical)) << uuid;
  }
}

TEST_F(Crypto, IdBytesHaveTheSizeAskedAndNeverRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {  // several refills of the per-thread pool
    const auto bytes = random_bytes_for_ids(8);
    ASSERT_EQ(bytes.size(), 8u);
    seen.insert(bytes);
  }
  EXPECT_EQ(seen.size(), 2000u);
  EXPECT_EQ(random_bytes_for_ids(5000).size(), 5000u);  // larger than the pool
}

TEST_F(Crypto, UuidsAreUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(new_uuid());
  EXPECT_EQ(seen.size(), 10000u);
}

TEST_F(Crypto, UuidStartsWithTheCurrentUnixMilliseconds) {
  const auto now_ms = [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  const auto before = now_ms();
  const auto uuid = new_uuid();
  const auto after = now_ms();
  const auto stamp = std::stoll(uuid.substr(0, 8) + uuid.substr(9, 4), nullptr, 16);
  EXPECT_GE(stamp, before);
  EXPECT_LE(stamp, after);
  // Later ids sort after earlier ones once the millisecond has moved on.
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_LT(uuid, new_uuid());
}

TEST_F(Crypto, UuidRandomBitsAreNotStuck) {
  // Over many uuids every hex position after the timestamp, other than the version digit,
  // takes several values.
  std::vector<std::set<char>> seen(36);
  for (int i = 0; i < 500; ++i) {
    const auto uuid = new_uuid();
    for (std::size_t k = 0; k < uuid.size(); ++k) seen[k].insert(uuid[k]);
  }
  for (std::size_t k : {8u, 13u, 18u, 23u}) EXPECT_THAT(seen[k], ::testing::ElementsAre('-'));
  EXPECT_THAT(seen[14], ::testing::ElementsAre('7'));
  EXPECT_THAT(seen[19], ::testing::ElementsAre('8', '9', 'a', 'b'));
  for (std::size_t k = 15; k < 36; ++k) {
    if (k == 18 || k == 19 || k == 23) continue;
    EXPECT_EQ(seen[k].size(), 16u) << "position " << k;
  }
}

}  // namespace
}  // namespace confer::security
