#pragma once
// Access tokens: compact HS256 JSON Web Tokens. Only HS256 is accepted (never "none", never another
// algorithm the header names), the signature is checked in constant time before the payload is
// read, and exp, iat, iss and aud are enforced, so a token is trusted only if we issued it.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace confer::security {

struct AccessClaims {
  std::string subject;             // "sub": the user id
  std::string role;                // "role"
  std::int64_t issued_at = 0;      // "iat", Unix seconds
  std::int64_t expires_at = 0;     // "exp", Unix seconds
  std::string token_id;            // "jti"
  std::int64_t token_version = 0;  // "ver": the user's token version at issue (0 when absent)
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

// Short human text, e.g. "the token has expired".
std::string_view describe(JwtError error);

// Header exactly {"alg":"HS256","typ":"JWT"}; payload sub, role, iat, exp, iss, aud, jti, ver.
// Throws std::invalid_argument when the secret is empty.
std::string sign_access_token(const JwtSettings& settings, const AccessClaims& claims);

// The claims, or why the token is refused. exp gets at most 5 s of leeway; an iat more than 60 s
// ahead of now is NotYetValid; aud may be a string or an array holding ours; sub and role must be
// non-empty strings; ver, when present, an integer. An empty secret verifies nothing
// (BadSignature). Never throws.
std::variant<AccessClaims, JwtError> verify_access_token(const JwtSettings& settings,
                                                         std::string_view token,
                                                         std::int64_t now_unix_seconds);

}  // namespace confer::security
