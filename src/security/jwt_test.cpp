#include "security/jwt.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <limits>

#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::security {
namespace {

constexpr std::int64_t now = 1'800'000'000;

JwtSettings settings() {
  return {"test-secret-that-is-long-enough-0123456789", "confer", "confer-api"};
}

AccessClaims claims() {
  return {"user-42", "customer", now, now + 900, "jti-1", 3};
}

// A token over arbitrary header and payload JSON, signed HS256 with the given secret.
std::string forge(std::string_view header, std::string_view payload,
                  std::string_view secret = settings().secret) {
  auto input = base64url_encode(header) + "." + base64url_encode(payload);
  return input + "." + base64url_encode(hmac_sha256(secret, input));
}

boost::json::object standard_payload() {
  return {{"sub", "user-42"}, {"role", "customer"},  {"iat", now},     {"exp", now + 900},
          {"iss", "confer"},  {"aud", "confer-api"}, {"jti", "jti-1"}, {"ver", 3}};
}

constexpr std::string_view hs256_header = R"({"alg":"HS256","typ":"JWT"})";

std::string forge_payload(const boost::json::object& payload) {
  return forge(hs256_header, boost::json::serialize(payload));
}

JwtError error_of(const std::variant<AccessClaims, JwtError>& result) {
  EXPECT_TRUE(std::holds_alternative<JwtError>(result)) << "the token was accepted";
  return std::holds_alternative<JwtError>(result) ? std::get<JwtError>(result)
                                                  : static_cast<JwtError>(-1);
}

std::string_view part(std::string_view token, int index) {
  for (int i = 0; i < index; ++i) token.remove_prefix(token.find('.') + 1);
  return token.substr(0, token.find('.'));
}

TEST(Jwt, SignedTokenHasTheFixedHeaderAndAllClaims) {
  const auto token = sign_access_token(settings(), claims());
  EXPECT_EQ(base64url_decode(part(token, 0)), R"({"alg":"HS256","typ":"JWT"})");
  const auto payload = boost::json::parse(*base64url_decode(part(token, 1))).as_object();
  EXPECT_EQ(payload, standard_payload());
}

TEST(Jwt, MatchesAnIndependentlyComputedToken) {
  // HMAC-SHA256 over "<header>.<payload>" computed outside this code (Python's hmac module).
  const JwtSettings fixed{"secret", "confer", "confer-api"};
  EXPECT_EQ(sign_access_token(fixed, {"u1", "admin", 1700000000, 1700000900, "t1", 7}),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            "eyJzdWIiOiJ1MSIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAwOTAwLCJp"
            "c3MiOiJjb25mZXIiLCJhdWQiOiJjb25mZXItYXBpIiwianRpIjoidDEiLCJ2ZXIiOjd9."
            "ZvvtJmgxhTdkyR9YSEnUNZqABy_XY1VBY2p-O0O5VIc");
}

TEST(Jwt, RoundTripsTheClaims) {
  const auto result = verify_access_token(settings(), sign_access_token(settings(), claims()), now);
  ASSERT_TRUE(std::holds_alternative<AccessClaims>(result)) << describe(std::get<JwtError>(result));
  const auto& got = std::get<AccessClaims>(result);
  EXPECT_EQ(got.subject, "user-42");
  EXPECT_EQ(got.role, "customer");
  EXPECT_EQ(got.issued_at, now);
  EXPECT_EQ(got.expires_at, now + 900);
  EXPECT_EQ(got.token_id, "jti-1");
  EXPECT_EQ(got.token_version, 3);
}

TEST(Jwt, ATokenWithoutAVersionIsVersionZero) {
  auto payload = standard_payload();
  payload.erase("ver");
  const auto result = verify_access_token(settings(), forge_payload(payload), now);
  ASSERT_TRUE(std::holds_alternative<AccessClaims>(result));
  EXPECT_EQ(std::get<AccessClaims>(result).token_version, 0);
}

TEST(Jwt, AVersionThatIsNoIntegerIsMalformed) {
  for (const boost::json::value& bad :
       {boost::json::value("3"), boost::json::value(3.5), boost::json::value(nullptr)}) {
    auto payload = standard_payload();
    payload["ver"] = bad;
    EXPECT_EQ(error_of(verify_access_token(settings(), forge_payload(payload), now)),
              JwtError::Malformed);
  }
}

TEST(Jwt, ForgedHelperMatchesTheSigner) {
  // Guards the helper the other tests rely on: same input, same token.
  EXPECT_EQ(forge_payload(standard_payload()), sign_access_token(settings(), claims()));
}

TEST(Jwt, RefusesATamperedPayload) {
  const auto token = sign_access_token(settings(), claims());
  auto payload = standard_payload();
  payload["role"] = "admin";
  const auto other = forge_payload(payload);  // validly signed, but its payload is spliced in
  const auto spliced = std::string(part(token, 0)) + "." + std::string(part(other, 1)) + "." +
                       std::string(part(token, 2));
  EXPECT_EQ(error_of(verify_access_token(settings(), spliced, now)), JwtError::BadSignature);

  auto flipped = token;
  auto& c = flipped[token.find('.') + 5];
  c = c == 'A' ? 'B' : 'A';
  EXPECT_EQ(error_of(verify_access_token(settings(), flipped, now)), JwtError::BadSignature);
}

TEST(Jwt, RefusesATamperedHeader) {
  const auto token = sign_access_token(settings(), claims());
  const auto header = base64url_encode(R"({"alg":"HS256","typ":"JWS"})");
  const auto changed = header + token.substr(token.find('.'));
  EXPECT_EQ(error_of(verify_access_token(settings(), changed, now)), JwtError::BadSignature);
}

TEST(Jwt, RefusesATamperedSignature) {
  const auto token = sign_access_token(settings(), claims());
  auto changed = token;
  auto& c = changed[token.rfind('.') + 3];
  c = c == 'A' ? 'B' : 'A';
  EXPECT_EQ(error_of(verify_access_token(settings(), changed, now)), JwtError::BadSignature);
  const auto cut = token.substr(0, token.size() - 4);
  const auto cut_error = error_of(verify_access_token(settings(), cut, now));
  EXPECT_TRUE(cut_error == JwtError::BadSignature || cut_error == JwtError::Malformed);
  const auto no_signature = token.substr(0, token.rfind('.') + 1);
  EXPECT_EQ(error_of(verify_access_token(settings(), no_signature, now)), JwtError::BadSignature);
}

TEST(Jwt, RefusesAnotherSecret) {
  auto other = settings();
  other.secret = "a-different-secret-of-the-same-sort-012345";
  const auto token = sign_access_token(other, claims());
  EXPECT_EQ(error_of(verify_access_token(settings(), token, now)), JwtError::BadSignature);
}

TEST(Jwt, AnEmptySecretNeitherSignsNorVerifies) {
  auto empty = settings();
  empty.secret.clear();
  EXPECT_THROW(sign_access_token(empty, claims()), std::invalid_argument);
  const auto keyless = forge(hs256_header, boost::json::serialize(standard_payload()), "");
  EXPECT_EQ(error_of(verify_access_token(empty, keyless, now)), JwtError::BadSignature);
}

TEST(Jwt, AcceptsOnlyHs256) {
  const auto payload = boost::json::serialize(standard_payload());
  // alg "none" with an empty signature: the classic downgrade.
  const auto none =
      base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." + base64url_encode(payload) + ".";
  EXPECT_EQ(error_of(verify_access_token(settings(), none, now)), JwtError::UnsupportedAlgorithm);
  // Even correctly HMAC-signed with our secret, another algorithm name is refused.
  for (auto header :
       {R"({"alg":"none","typ":"JWT"})", R"({"alg":"HS512","typ":"JWT"})",
        R"({"alg":"RS256","typ":"JWT"})", R"({"alg":"hs256","typ":"JWT"})", R"({"typ":"JWT"})",
        R"({"alg":null})", R"({"alg":["HS256"]})", R"({"alg":"HS256","crit":["exp"]})"}) {
    EXPECT_EQ(error_of(verify_access_token(settings(), forge(header, payload), now)),
              JwtError::UnsupportedAlgorithm)
        << header;
  }
}

TEST(Jwt, ExpiresWithAtMostFiveSecondsOfLeeway) {
  const auto token = sign_access_token(settings(), claims());
  const auto exp = claims().expires_at;
  EXPECT_TRUE(
      std::holds_alternative<AccessClaims>(verify_access_token(settings(), token, exp - 1)));
  EXPECT_TRUE(
      std::holds_alternative<AccessClaims>(verify_access_token(settings(), token, exp + 4)));
  EXPECT_EQ(error_of(verify_access_token(settings(), token, exp + 5)), JwtError::Expired);
  EXPECT_EQ(error_of(verify_access_token(settings(), token, exp + 86400)), JwtError::Expired);
}

TEST(Jwt, RefusesTokensIssuedInTheFuture) {
  auto future = claims();
  future.issued_at = now + 61;
  future.expires_at = now + 1000;
  const auto token = sign_access_token(settings(), future);
  EXPECT_EQ(error_of(verify_access_token(settings(), token, now)), JwtError::NotYetValid);
  EXPECT_TRUE(
      std::holds_alternative<AccessClaims>(verify_access_token(settings(), token, now + 1)));
}

TEST(Jwt, RefusesAnotherIssuerOrAudience) {
  auto other = settings();
  other.issuer = "someone-else";
  EXPECT_EQ(error_of(verify_access_token(settings(), sign_access_token(other, claims()), now)),
            JwtError::WrongIssuer);
  other = settings();
  other.audience = "another-api";
  EXPECT_EQ(error_of(verify_access_token(settings(), sign_access_token(other, claims()), now)),
            JwtError::WrongAudience);

  auto payload = standard_payload();
  payload.erase("iss");
  EXPECT_EQ(error_of(verify_access_token(settings(), forge_payload(payload), now)),
            JwtError::WrongIssuer);
  payload = standard_payload();
  payload.erase("aud");
  EXPECT_EQ(error_of(verify_access_token(settings(), forge_payload(payload), now)),
            JwtError::WrongAudience);
}

TEST(Jwt, AcceptsAnAudienceArrayHoldingOurs) {
  auto payload = standard_payload();
  payload["aud"] = boost::json::array{"billing", "confer-api"};
  EXPECT_TRUE(std::holds_alternative<AccessClaims>(
      verify_access_token(settings(), forge_payload(payload), now)));
  payload["aud"] = boost::json::array{"billing", "reports"};
  EXPECT_EQ(error_of(verify_access_token(settings(), forge_payload(payload), now)),
            JwtError::WrongAudience);
  payload["aud"] = boost::json::array{};
  EXPECT_EQ(error_of(verify_access_token(settings(), forge_payload(payload), now)),
            JwtError::WrongAudience);
}

TEST(Jwt, RequiresSubjectRoleAndIntegerTimes) {
  const auto refused = [](auto change) {
    auto payload = standard_payload();
    change(payload);
    return error_of(verify_access_token(settings(), forge_payload(payload), now));
  };
  using Object = boost::json::object;
  EXPECT_EQ(refused([](Object& p) { p.erase("sub"); }), JwtError::Malformed);
  EXPECT_EQ(refused([](Object& p) { p["sub"] = ""; }), JwtError::Malformed);
  EXPECT_EQ(refused([](Object& p) { p["sub"] = 42; }), JwtError::Malformed);
  EXPECT_EQ(refused([](Object& p) { p.erase("role"); }), JwtError::Malformed);
  EXPECT_EQ(refused([](Object& p) { p["role"] = ""; }), JwtError::Malformed);
  EXPECT_EQ(refused([](Object& p) { p.erase("exp"); }), JwtError::Malformed);
  EXPECT_EQ(refused([](Object& p) { p["exp"] = "1800000900"; }), JwtError::Malformed);
  EXPECT_EQ(refused([](Object& p) { p["exp"] = 1.8e9; }), JwtError::Malformed);
  EXPECT_EQ(refused([](Object& p) { p["exp"] = std::numeric_limits<std::int64_t>::max(); }),
            JwtError::Malformed);
  EXPECT_EQ(refused([](Object& p) { p["exp"] = std::numeric_limits<std::uint64_t>::max(); }),
            JwtError::Malformed);
  EXPECT_EQ(refused([](Object& p) { p.erase("iat"); }), JwtError::Malformed);
}

TEST(Jwt, RefusesSignedButNonObjectJson) {
  for (auto payload : {"[]", "\"text\"", "42", "null", "{", "{\"sub\":\"x\"", "not json"}) {
    EXPECT_EQ(error_of(verify_access_token(settings(), forge(hs256_header, payload), now)),
              JwtError::Malformed)
        << payload;
  }
  EXPECT_EQ(error_of(verify_access_token(settings(), forge("[]", "{}"), now)), JwtError::Malformed);
}

TEST(Jwt, RefusesGarbageWithoutThrowing) {
  const std::string token = sign_access_token(settings(), claims());
  using namespace std::string_view_literals;
  for (auto garbage : {""sv, "."sv, ".."sv, "..."sv, "a.b.c"sv, "not a token"sv, "Bearer abc"sv,
                       "\x00.\x01.\x02"sv, "eyJhbGciOiJIUzI1NiJ9"sv, "%%%.%%%.%%%"sv,
                       "eyJ.eyJ.eyJ"sv, "==.==.=="sv}) {
    EXPECT_EQ(error_of(verify_access_token(settings(), garbage, now)), JwtError::Malformed)
        << garbage;
  }
  EXPECT_EQ(error_of(verify_access_token(settings(), std::string(10000, 'a'), now)),
            JwtError::Malformed);
  EXPECT_EQ(error_of(verify_access_token(settings(), " " + token, now)), JwtError::Malformed);
}

TEST(Jwt, RequiresExactlyThreeParts) {
  const auto token = sign_access_token(settings(), claims());
  const auto two = token.substr(0, token.rfind('.'));
  EXPECT_EQ(error_of(verify_access_token(settings(), two, now)), JwtError::Malformed);
  EXPECT_EQ(
      error_of(verify_access_token(settings(), token + "." + std::string(part(token, 2)), now)),
      JwtError::Malformed);
  EXPECT_EQ(error_of(verify_access_token(settings(), token + ".", now)), JwtError::Malformed);
}

TEST(Jwt, DescribesEveryError) {
  for (auto error :
       {JwtError::Malformed, JwtError::UnsupportedAlgorithm, JwtError::BadSignature,
        JwtError::Expired, JwtError::NotYetValid, JwtError::WrongIssuer, JwtError::WrongAudience})
    EXPECT_FALSE(describe(error).empty());
  EXPECT_NE(describe(JwtError::Expired), describe(JwtError::BadSignature));
}

}  // namespace
}  // namespace confer::security
