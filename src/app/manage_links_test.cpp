#include "app/manage_links.hpp"

#include <gtest/gtest.h>

namespace confer::app {
namespace {

TEST(ManageLinks, AGenuineTokenNamesItsBookingUntilItExpires) {
  ManageLinks links("server secret", "https://confer.example");
  auto token = links.token("b-123", 2'000'000'000'000);
  EXPECT_EQ(links.verify(token, 1'999'999'998'999), "b-123");
  EXPECT_EQ(links.verify(token, 2'000'000'000'000), std::nullopt);
  auto url = links.url("b-123", 1'000'000'000'000);
  EXPECT_EQ(url.rfind("https://confer.example/manage/", 0), 0u);
}

TEST(ManageLinks, ForgedOrForeignTokensAreRefused) {
  ManageLinks links("server secret", "");
  ManageLinks other("another secret", "");
  auto token = links.token("b-123", 2'000'000'000'000);
  EXPECT_EQ(other.verify(token, 0), std::nullopt);
  for (std::size_t i = 0; i < token.size(); ++i) {
    auto changed = token;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    EXPECT_EQ(links.verify(changed, 0), std::nullopt) << i;
  }
  for (const char* junk : {"", ".", "abc", "abc.def", "..", "YS5i.YQ"})
    EXPECT_EQ(links.verify(junk, 0), std::nullopt) << junk;
}

}  // namespace
}  // namespace confer::app
