#include "security/webhook_signature.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace confer::security {
namespace {

constexpr std::string_view secret = "whsec_test_secret";
constexpr std::string_view payload = R"({"id":"evt_1","type":"payment_intent.succeeded"})";
constexpr std::int64_t t = 1'800'000'000;

std::string v1_of(const std::string& header) {
  return header.substr(header.find("v1=") + 3);
}

TEST(StripeSignature, HeaderIsTimestampAndHexHmacOfTimestampDotBody) {
  // Expected value computed independently: HMAC-SHA256("whsec_test_secret", "1800000000.<body>").
  EXPECT_EQ(stripe_signature_header(secret, payload, t),
            "t=1800000000,v1=334f9dbfd609cf6c38f112f028756732c80faa7fdbeab117549d6303a5dcf896");
}

TEST(StripeSignature, AcceptsWhatItSigns) {
  const auto header = stripe_signature_header(secret, payload, t);
  EXPECT_EQ(check_stripe_signature(header, payload, secret, t), SignatureCheck::Valid);
  EXPECT_EQ(check_stripe_signature(header, payload, secret, t + 10), SignatureCheck::Valid);
}

TEST(StripeSignature, AcceptsAnyMatchingV1AmongSeveral) {
  const auto good = v1_of(stripe_signature_header(secret, payload, t));
  const auto wrong = v1_of(stripe_signature_header("whsec_old_secret", payload, t));
  const auto header = "t=1800000000,v1=" + wrong + ",v1=" + good + ",v0=" + std::string(64, 'f');
  EXPECT_EQ(check_stripe_signature(header, payload, secret, t), SignatureCheck::Valid);
  const auto good_first = "t=1800000000,v1=" + good + ",v1=" + wrong;
  EXPECT_EQ(check_stripe_signature(good_first, payload, secret, t), SignatureCheck::Valid);
  const auto only_wrong = "t=1800000000,v1=" + wrong + ",v1=" + std::string(64, '0');
  EXPECT_EQ(check_stripe_signature(only_wrong, payload, secret, t),
            SignatureCheck::NoMatchingSignature);
}

TEST(StripeSignature, RefusesAChangedPayloadByte) {
  const auto header = stripe_signature_header(secret, payload, t);
  for (std::size_t i : {std::size_t{0}, std::size_t{7}, payload.size() - 1}) {
    std::string changed(payload);
    changed[i] ^= 0x01;
    EXPECT_EQ(check_stripe_signature(header, changed, secret, t),
              SignatureCheck::NoMatchingSignature)
        << "byte " << i;
  }
  EXPECT_EQ(check_stripe_signature(header, std::string(payload) + " ", secret, t),
            SignatureCheck::NoMatchingSignature);
}

TEST(StripeSignature, RefusesAnotherSecret) {
  const auto header = stripe_signature_header(secret, payload, t);
  EXPECT_EQ(check_stripe_signature(header, payload, "whsec_other", t),
            SignatureCheck::NoMatchingSignature);
}

TEST(StripeSignature, RefusesASignatureMovedToAnotherTimestamp) {
  const auto signature = v1_of(stripe_signature_header(secret, payload, t));
  const auto header = "t=1800000001,v1=" + signature;
  EXPECT_EQ(check_stripe_signature(header, payload, secret, t),
            SignatureCheck::NoMatchingSignature);
}

TEST(StripeSignature, RefusesTimestampsOutsideTheTolerance) {
  const auto header = stripe_signature_header(secret, payload, t);
  EXPECT_EQ(check_stripe_signature(header, payload, secret, t + 300), SignatureCheck::Valid);
  EXPECT_EQ(check_stripe_signature(header, payload, secret, t + 301),
            SignatureCheck::TimestampOutOfTolerance);
  EXPECT_EQ(check_stripe_signature(header, payload, secret, t - 300), SignatureCheck::Valid);
  EXPECT_EQ(check_stripe_signature(header, payload, secret, t - 301),
            SignatureCheck::TimestampOutOfTolerance);
  EXPECT_EQ(check_stripe_signature(header, payload, secret, t + 3600, 3600), SignatureCheck::Valid);
  EXPECT_EQ(check_stripe_signature(header, payload, secret, t + 61, 60),
            SignatureCheck::TimestampOutOfTolerance);
  EXPECT_EQ(
      check_stripe_signature(header, payload, secret, std::numeric_limits<std::int64_t>::min()),
      SignatureCheck::TimestampOutOfTolerance);
}

TEST(StripeSignature, ReportsAMissingHeader) {
  EXPECT_EQ(check_stripe_signature("", payload, secret, t), SignatureCheck::MissingHeader);
}

TEST(StripeSignature, RefusesMalformedHeaders) {
  const auto v1 = v1_of(stripe_signature_header(secret, payload, t));
  for (const auto& header : std::vector<std::string>{
           "garbage", "v1=" + v1, "t=,v1=" + v1, "t=abc,v1=" + v1, "t=-1800000000,v1=" + v1,
           "t=+1800000000,v1=" + v1, "t= 1800000000,v1=" + v1, "t=1800000000x,v1=" + v1,
           "t=99999999999999999999,v1=" + v1, "t=1800000000,v1=" + v1 + ",",
           "t=1800000000,,v1=" + v1, "t=1800000000;v1=" + v1,
           "t=1800000000,t=1800000000,v1=" + v1}) {
    EXPECT_EQ(check_stripe_signature(header, payload, secret, t), SignatureCheck::Malformed)
        << header;
  }
}

TEST(StripeSignature, HeaderWithoutV1MatchesNothing) {
  EXPECT_EQ(check_stripe_signature("t=1800000000", payload, secret, t),
            SignatureCheck::NoMatchingSignature);
  EXPECT_EQ(check_stripe_signature("t=1800000000,v0=abc", payload, secret, t),
            SignatureCheck::NoMatchingSignature);
  EXPECT_EQ(check_stripe_signature("t=1800000000,v1=", payload, secret, t),
            SignatureCheck::NoMatchingSignature);
}

TEST(ZoomSignature, IsV0HexHmacOfVersionTimestampAndBody) {
  // Computed independently with Python's hmac module.
  EXPECT_EQ(zoom_signature("secret", "1700000000", R"({"event":"x"})"),
            "v0=aaaddc2382ce58a607b298ab6361ae1667ddff72c622b1993fd76c02908634c3");
  EXPECT_NE(zoom_signature("secret", "1700000001", R"({"event":"x"})"),
            zoom_signature("secret", "1700000000", R"({"event":"x"})"));
  EXPECT_NE(zoom_signature("other", "1700000000", R"({"event":"x"})"),
            zoom_signature("secret", "1700000000", R"({"event":"x"})"));
}

}  // namespace
}  // namespace confer::security
