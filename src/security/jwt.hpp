#pragma once
// Access tokens: compact HS256 JSON Web Tokens. Only HS256 is accepted
// (never "none", never another algorithm named in the header), the signature
// is checked in constant time before the payload is read, and exp, iat, iss
// and aud are enforced.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace confer::security {

struct AccessClaims {
  std::string subject;
  std::string role;
  std::int64_t issued_at = 0;
  std::int64_t expires_at = 0;
  std::string token_id;
};

struct JwtSettings {
  std::string secret;
  std::string issuer = "confer";
  std::string audience = "confer-api";
};

enum class JwtError {
  Malformed,
  UnsupportedAlgorithm,
  BadSignature,
  Expired,
  NotYetValid,
  WrongIssuer,
  WrongAudience
};

std::string_view describe(JwtError error);
std::string sign_access_token(const JwtSettings& settings, const AccessClaims& claims);
std::variant<AccessClaims, JwtError> verify_access_token(const JwtSettings& settings,
                                                         std::string_view token,
                                                         std::int64_t now_unix_seconds);

}  // namespace confer::security
