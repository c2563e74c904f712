#include "domain/utf8.hpp"

#include <gtest/gtest.h>

namespace confer::domain {
namespace {

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("\xc3\xa9\xc3\xa9"), 2u);  // éé
  EXPECT_EQ(utf8_length("\xe2\x82\xac"), 1u);      // €
  EXPECT_EQ(utf8_length("\xf0\x9f\x98\x80"), 1u);  // 😀
  EXPECT_EQ(utf8_length("\xf4\x8f\xbf\xbf"), 1u);  // U+10FFFF
}

TEST(Utf8Length, RefusesWhatRfc3629Forbids) {
  for (std::string_view bad : {"\xc3", "\x80", "\xc0\xaf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf",
                               "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "a\xe2\x82"})
    EXPECT_EQ(utf8_length(bad), std::nullopt) << testing::PrintToString(std::string(bad));
}

}  // namespace
}  // namespace confer::domain
