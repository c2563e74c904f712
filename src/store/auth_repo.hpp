#pragma once
// Refresh tokens, password-reset tokens and failed logins. Tokens are stored
// only as SHA-256 hashes: a copy of the database does not let anyone sign in.
#include <cstdint>
#include <optional>
#include <string>

#include "app/ports/records.hpp"
#include "store/database.hpp"
#include "store/rate_limit_repo.hpp"

namespace confer::store {

struct RefreshTokenRecord {
  std::string id;
  std::string token_hash;
  std::string family_id;
  std::string user_id;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
  std::optional<std::int64_t> revoked_at;
};

struct PasswordResetRecord {
  std::string id;
  std::string token_hash;
  std::string user_id;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
};

// Failed logins counted like any rate-limited request.
using FailureCount = RequestCount;

class AuthRepo {
 public:
  explicit AuthRepo(Session& session) : session_(session) {}

  void insert_refresh_token(const RefreshTokenRecord& token);
  std::optional<RefreshTokenRecord> find_refresh_token(const std::string& token_hash);
  // Marks the token used unless it already was; true when this call did it.
  bool mark_refresh_token_used(const std::string& id, std::int64_t now);
  void revoke_family(const std::string& family_id, std::int64_t now);
  void revoke_all_for_user(const std::string& user_id, std::int64_t now);

  void insert_password_reset(const PasswordResetRecord& reset);
  std::optional<PasswordResetRecord> find_password_reset(const std::string& token_hash);
  bool mark_password_reset_used(const std::string& id, std::int64_t now);
  // Every link of the user not used yet.
  void mark_password_resets_used_for_user(const std::string& user_id, std::int64_t now);

  void record_login_failure(const std::string& id, const std::string& email, const std::string& ip,
                            std::int64_t now);
  FailureCount failures_for_email(const std::string& email, std::int64_t since);
  FailureCount failures_for_ip(const std::string& ip, std::int64_t since);
  void clear_failures_for_email(const std::string& email);
  void prune_failures(std::int64_t before);

 private:
  Session& session_;
};

using AuditEntry = app::AuditEntry;

void append_audit(Session& session, const AuditEntry& entry);

}  // namespace confer::store
