#include "security/secretbox.hpp"

#include <gtest/gtest.h>

namespace confer::security {
namespace {

const std::string secret(40, 'k');

TEST(SecretBox, OpensWhatItSealsAndNeverShowsThePlaintext) {
  SecretBox box(secret);
  auto sealed = box.seal("zoom-access-token-123");
  EXPECT_EQ(sealed.find("zoom-access-token"), std::string::npos);
  EXPECT_EQ(box.open(sealed), "zoom-access-token-123");
  EXPECT_NE(box.seal("same"), box.seal("same"));  // a fresh nonce each time
  EXPECT_EQ(box.open(box.seal("")), "");
}

TEST(SecretBox, RefusesChangedTextAndOtherKeys) {
  SecretBox box(secret);
  auto sealed = box.seal("refresh-token");
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    auto changed = sealed;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    EXPECT_EQ(box.open(changed), std::nullopt) << i;
  }
  EXPECT_EQ(SecretBox(std::string(40, 'x')).open(sealed), std::nullopt);
  EXPECT_EQ(box.open("short"), std::nullopt);
  EXPECT_THROW(SecretBox("too short"), std::invalid_argument);
}

}  // namespace
}  // namespace confer::security
