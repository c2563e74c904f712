#include "security/webhook_signature.hpp"

#include <gtest/gtest.h>

namespace confer::security {
namespace {

constexpr std::string_view secret = "whsec_test_secret";
constexpr std::string_view payload = R"({"id":"evt_1","type":"payment_intent.succeeded"})";

TEST(StripeSignature, AcceptsWhatItSignsAndAnyMatchingV1) {
  auto header = stripe_signature_header(secret, payload, 1'800'000'000);
  EXPECT_EQ(check_stripe_signature(header, payload, secret, 1'800'000'010), SignatureCheck::valid);
  auto rotated =
      "t=1800000000,v1=" + std::string(64, '0') + "," + header.substr(header.find("v1="));
  EXPECT_EQ(check_stripe_signature(rotated, payload, secret, 1'800'000'000), SignatureCheck::valid);
}

TEST(StripeSignature, RefusesChangesWrongSecretsOldTimesAndGarbage) {
  auto header = stripe_signature_header(secret, payload, 1'800'000'000);
  std::string changed(payload);
  changed[5] = 'X';
  EXPECT_EQ(check_stripe_signature(header, changed, secret, 1'800'000'000),
            SignatureCheck::no_matching_signature);
  EXPECT_EQ(check_stripe_signature(header, payload, "whsec_other", 1'800'000'000),
            SignatureCheck::no_matching_signature);
  EXPECT_EQ(check_stripe_signature(header, payload, secret, 1'800'000'301),
            SignatureCheck::too_old);
  EXPECT_EQ(check_stripe_signature("", payload, secret, 1'800'000'000),
            SignatureCheck::missing_header);
  EXPECT_EQ(check_stripe_signature("v1=abc", payload, secret, 1'800'000'000),
            SignatureCheck::malformed);
  EXPECT_EQ(check_stripe_signature("t=abc,v1=abc", payload, secret, 1'800'000'000),
            SignatureCheck::malformed);
  EXPECT_EQ(check_stripe_signature("garbage", payload, secret, 1'800'000'000),
            SignatureCheck::malformed);
}

}  // namespace
}  // namespace confer::security
