#include "security/jwt.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <optional>
#include <stdexcept>

#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::security {
namespace {

constexpr std::int64_t clock_leeway_seconds = 5;
constexpr std::int64_t max_future_iat_seconds = 60;
constexpr std::size_t max_token_size = 4096;
// Claims beyond ±2^52 s are nonsense; refusing them keeps the time arithmetic free of overflow.
constexpr std::int64_t max_time_magnitude = std::int64_t{1} << 52;
constexpr std::string_view header_json = R"({"alg":"HS256","typ":"JWT"})";

std::optional<boost::json::object> decode_json_object(std::string_view part) {
  auto bytes = base64url_decode(part);
  if (!bytes) return std::nullopt;
  boost::system::error_code error;
  boost::json::parse_options options;
  options.max_depth = 8;
  auto value = boost::json::parse(*bytes, error, {}, options);
  if (error || !value.is_object()) return std::nullopt;
  return std::move(value.as_object());
}

std::optional<std::int64_t> integer_claim(const boost::json::object& payload,
                                          std::string_view key) {
  auto found = payload.find(key);
  if (found == payload.end()) return std::nullopt;
  const auto& value = found->value();
  if (!value.is_int64()) return std::nullopt;  // Boost.JSON stores every integer < 2^63 as int64
  const auto seconds = value.as_int64();
  if (seconds <= -max_time_magnitude || seconds >= max_time_magnitude) return std::nullopt;
  return seconds;
}

std::optional<std::string> string_claim(const boost::json::object& payload, std::string_view key) {
  auto found = payload.find(key);
  if (found == payload.end() || !found->value().is_string()) return std::nullopt;
  return std::string(found->value().as_string());
}

bool audience_matches(const boost::json::object& payload, const std::string& audience) {
  auto found = payload.find("aud");
  if (found == payload.end()) return false;
  if (found->value().is_string()) return found->value().as_string() == audience;
  if (found->value().is_array())
    for (const auto& item : found->value().as_array())
      if (item.is_string() && item.as_string() == audience) return true;
  return false;
}

}  // namespace

std::string_view describe(JwtError error) {
  switch (error) {
    case JwtError::Malformed:
      return "the token is malformed";
    case JwtError::UnsupportedAlgorithm:
      return "the token's algorithm is not accepted";
    case JwtError::BadSignature:
      return "the token's signature is wrong";
    case JwtError::Expired:
      return "the token has expired";
    case JwtError::NotYetValid:
      return "the token is not valid yet";
    case JwtError::WrongIssuer:
      return "the token was issued by someone else";
    case JwtError::WrongAudience:
      return "the token is meant for another audience";
  }
  return "the token is not valid";
}

std::string sign_access_token(const JwtSettings& settings, const AccessClaims& claims) {
  if (settings.secret.empty()) throw std::invalid_argument("the JWT secret is empty");
  boost::json::object payload{{"sub", claims.subject},   {"role", claims.role},
                              {"iat", claims.issued_at}, {"exp", claims.expires_at},
                              {"iss", settings.issuer},  {"aud", settings.audience},
                              {"jti", claims.token_id},  {"ver", claims.token_version}};
  auto signing_input =
      base64url_encode(header_json) + "." + base64url_encode(boost::json::serialize(payload));
  return signing_input + "." + base64url_encode(hmac_sha256(settings.secret, signing_input));
}

std::variant<AccessClaims, JwtError> verify_access_token(const JwtSettings& settings,
                                                         std::string_view token,
                                                         std::int64_t now_unix_seconds) try {
  if (token.size() > max_token_size) return JwtError::Malformed;
  const auto first = token.find('.');
  if (first == std::string_view::npos) return JwtError::Malformed;
  const auto second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
    return JwtError::Malformed;
  const auto header_part = token.substr(0, first);
  const auto payload_part = token.substr(first + 1, second - first - 1);
  const auto signature_part = token.substr(second + 1);

  const auto header = decode_json_object(header_part);
  if (!header) return JwtError::Malformed;
  const auto alg = header->find("alg");
  if (alg == header->end() || !alg->value().is_string() || alg->value().as_string() != "HS256")
    return JwtError::UnsupportedAlgorithm;
  // RFC 7515 §4.1.11: extensions we do not understand must not be ignored.
  if (header->contains("crit")) return JwtError::UnsupportedAlgorithm;

  const auto signature = base64url_decode(signature_part);
  if (!signature) return JwtError::Malformed;
  if (settings.secret.empty()) return JwtError::BadSignature;  // anyone could sign with no key
  const auto expected = hmac_sha256(settings.secret, token.substr(0, second));
  if (!constant_time_equal(*signature, expected)) return JwtError::BadSignature;

  const auto payload = decode_json_object(payload_part);
  if (!payload) return JwtError::Malformed;
  const auto exp = integer_claim(*payload, "exp");
  const auto iat = integer_claim(*payload, "iat");
  auto sub = string_claim(*payload, "sub");
  auto role = string_claim(*payload, "role");
  if (!exp || !iat || !sub || sub->empty() || !role || role->empty()) return JwtError::Malformed;
  // Tokens issued before versions existed have none: version 0, every user's first.
  const auto version = payload->contains("ver") ? integer_claim(*payload, "ver") : 0;
  if (!version) return JwtError::Malformed;
  const auto now = std::clamp(now_unix_seconds, -max_time_magnitude, max_time_magnitude);
  if (*exp + clock_leeway_seconds <= now) return JwtError::Expired;
  if (*iat - now > max_future_iat_seconds) return JwtError::NotYetValid;
  if (string_claim(*payload, "iss") != settings.issuer) return JwtError::WrongIssuer;
  if (!audience_matches(*payload, settings.audience)) return JwtError::WrongAudience;
  return AccessClaims{
      std::move(*sub), std::move(*role), *iat, *exp, string_claim(*payload, "jti").value_or(""),
      *version};
} catch (...) {
  return JwtError::Malformed;
}

}  // namespace confer::security
