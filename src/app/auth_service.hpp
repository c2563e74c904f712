#pragma once
// Accounts and sessions: sign-up and password-reset requests limited per
// hour, log-in with failed-attempt limits, refresh token rotation with reuse
// detection, log-out, and password reset by email. Access tokens carry their
// user's token version: log-out, a password reset and a replayed refresh
// token bump it, which revokes them. Slow password hashing always happens
// outside database transactions.
#include <mutex>
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/mailer.hpp"
#include "app/ports/account_ports.hpp"
#include "app/ports/passwords.hpp"
#include "app/ports/records.hpp"
#include "app/token_versions.hpp"
#include "security/jwt.hpp"

namespace confer::app {

struct AuthSettings {
  security::JwtSettings jwt;
  std::int64_t access_token_seconds = 15 * 60;
  std::int64_t refresh_token_days = 30;
  int max_failures_per_account = 5;
  int max_failures_per_ip = 20;
  int failure_window_minutes = 15;
  int max_signups_per_ip_per_hour = 20;           // accounts made per client address; 0: no limit
  int max_resets_per_account_per_hour = 5;        // reset requests per email address; 0: no limit
  std::int64_t token_version_cache_ms = 1000;     // see TokenVersions; 0: read on every request
  std::string app_url = "http://localhost:8080";  // where links in emails point
};

struct SignupInput {
  std::string email;  // already normalized
  std::string password;
  std::string name;
  std::string role;  // "customer" or "specialist"
  std::string timezone;
};

struct IssuedTokens {
  std::string access_token;
  std::string refresh_token;
  std::int64_t expires_in = 0;  // seconds the access token lives
};

struct AuthResult {
  UserRecord user;
  IssuedTokens tokens;
};

struct Caller {
  std::string user_id;
  std::string role;
};

class AuthService {
 public:
  // Passwords hashed with Argon2id (security/password.hpp).
  AuthService(ports::AccountUnitOfWork& accounts, const Clock& clock, Mailer& mailer,
              AuthSettings settings);
  AuthService(ports::AccountUnitOfWork& accounts, const Clock& clock, Mailer& mailer,
              AuthSettings settings, const ports::Passwords& passwords);

  AuthResult signup(const SignupInput& input, const std::string& ip);
  AuthResult login(const std::string& email, const std::string& password, const std::string& ip);
  IssuedTokens refresh(const std::string& refresh_token);
  // Revokes the family of `refresh_token` (if it is the caller's), or all of
  // the caller's refresh tokens when none is given; either way every access
  // token of the caller (other devices refresh theirs).
  void logout(const std::string& user_id, const std::optional<std::string>& refresh_token);
  // Sends a reset link when the address has an account; says nothing either way.
  void forgot_password(const std::string& email, const std::string& ip);
  // Sets the password and revokes every session and every other reset link.
  void reset_password(const std::string& token, const std::string& new_password,
                      const std::string& ip);
  // The caller of a valid access token whose version is the user's current one.
  std::optional<Caller> authenticate(std::string_view access_token) const;

 private:
  IssuedTokens issue_tokens(ports::AccountTransaction& tx, const UserRecord& user,
                            const std::string& family_id, std::int64_t now_ms);
  const std::string& decoy_hash();

  ports::AccountUnitOfWork& accounts_;
  const Clock& clock_;
  Mailer& mailer_;
  AuthSettings settings_;
  const ports::Passwords& passwords_;
  std::once_flag decoy_made_;
  std::string decoy_hash_;
  // Remembers versions read for authenticate(), which is const: the cache
  // does not change what the service answers, only how often it asks.
  mutable TokenVersions token_versions_;
};

}  // namespace confer::app
