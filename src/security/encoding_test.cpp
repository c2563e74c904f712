#include "security/encoding.hpp"

#include <gtest/gtest.h>

#include <random>

namespace confer::security {
namespace {

TEST(Base64Url, EncodesRfc4648VectorsWithoutPadding) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("fooba"), "Zm9vYmE");
  EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
  // Bytes that standard base64 would spell with '+' and '/'.
  EXPECT_EQ(base64url_encode("\xfb\xff\xbf"), "-_-_");
}

TEST(Base64Url, DecodesWhatItEncodes) {
  EXPECT_EQ(base64url_decode(""), std::string());
  EXPECT_EQ(base64url_decode("Zm9vYmE"), "fooba");
  EXPECT_EQ(base64url_decode("-_-_"), "\xfb\xff\xbf");
}

TEST(Base64Url, RoundTripsRandomBytesOfEveryLengthUpTo64) {
  std::mt19937 generator(20240611);
  std::uniform_int_distribution<int> byte(0, 255);
  for (std::size_t length = 0; length <= 64; ++length) {
    for (int trial = 0; trial < 8; ++trial) {
      std::string bytes(length, '\0');
      for (auto& c : bytes) c = static_cast<char>(byte(generator));
      const auto text = base64url_encode(bytes);
      EXPECT_EQ(text.size(), (length * 4 + 2) / 3) << "length " << length;
      EXPECT_EQ(text.find_first_of("=+/"), std::string::npos);
      const auto decoded = base64url_decode(text);
      ASSERT_TRUE(decoded.has_value()) << text;
      EXPECT_EQ(*decoded, bytes) << "length " << length;
    }
  }
}

TEST(Base64Url, RejectsPaddingAndStandardAlphabet) {
  EXPECT_FALSE(base64url_decode("Zg=="));
  EXPECT_FALSE(base64url_decode("Zm8="));
  EXPECT_FALSE(base64url_decode("+/+/"));
  EXPECT_FALSE(base64url_decode("ab+c"));
  EXPECT_FALSE(base64url_decode("ab/c"));
  EXPECT_FALSE(base64url_decode("ab=c"));
}

TEST(Base64Url, RejectsOtherCharacters) {
  EXPECT_FALSE(base64url_decode("Zm9v Yg"));
  EXPECT_FALSE(base64url_decode("Zm9v\nYg"));
  EXPECT_FALSE(base64url_decode("Zm9v.Yg"));
  EXPECT_FALSE(base64url_decode(std::string_view("Zm\0v", 4)));
  EXPECT_FALSE(base64url_decode("Zm9\xc3\xa9"));
}

TEST(Base64Url, RejectsImpossibleLengths) {
  EXPECT_FALSE(base64url_decode("A"));
  EXPECT_FALSE(base64url_decode("AAAAA"));
  EXPECT_FALSE(base64url_decode("Zm9vYmFyZ"));
}

TEST(Base64Url, RejectsNonZeroUnusedBits) {
  // "Zg" is the only spelling of "f"; "Zh" carries stray bits and would be a second one.
  EXPECT_TRUE(base64url_decode("Zg"));
  EXPECT_FALSE(base64url_decode("Zh"));
  EXPECT_TRUE(base64url_decode("Zm8"));
  EXPECT_FALSE(base64url_decode("Zm9"));
}

TEST(Hex, EncodesLowerCaseTwoDigitsPerByte) {
  EXPECT_EQ(hex_encode(""), "");
  EXPECT_EQ(hex_encode(std::string_view("\x00\x01\x7f\x80\xab\xff", 6)), "00017f80abff");
}

}  // namespace
}  // namespace confer::security
