#include "app/manage_links.hpp"

#include <gtest/gtest.h>

namespace confer::app {
namespace {

TEST(ManageLinks, AGenuineTokenNamesItsBookingAndPartyUntilItExpires) {
  ManageLinks links("server secret", "https://confer.example");
  auto token = links.token("b-123", Party::customer, 2'000'000'000'000);
  EXPECT_EQ(links.verify(token, 1'999'999'998'999), (ManageGrant{"b-123", Party::customer}));
  EXPECT_EQ(links.verify(token, 2'000'000'000'000), std::nullopt);
  auto url = links.url("b-123", Party::specialist, 1'000'000'000'000);
  EXPECT_EQ(url.rfind("https://confer.example/manage/", 0), 0u);
}

TEST(ManageLinks, EachPartyHasALinkOfItsOwn) {
  ManageLinks links("server secret", "");
  auto customer = links.token("b-123", Party::customer, 2'000'000'000'000);
  auto specialist = links.token("b-123", Party::specialist, 2'000'000'000'000);
  EXPECT_NE(customer, specialist);
  EXPECT_EQ(links.verify(specialist, 0), (ManageGrant{"b-123", Party::specialist}));
  EXPECT_EQ(links.verify(customer, 0), (ManageGrant{"b-123", Party::customer}));
}

TEST(ManageLinks, ForgedOrForeignTokensAreRefused) {
  ManageLinks links("server secret", "");
  ManageLinks other("another secret", "");
  auto token = links.token("b-123", Party::specialist, 2'000'000'000'000);
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
