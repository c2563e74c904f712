#pragma once
// Refresh tokens, password-reset tokens and failed logins. Tokens are stored
// only as SHA-256 hashes: a copy of the database does not let anyone sign in.
#include <cstdint>
#include <optional>
#include <string>

#include "app/ports/account_ports.hpp"
#include "app/ports/records.hpp"
#include "store/database.hpp"
#include "store/rate_limit_repo.hpp"

namespace confer::store {

using RefreshTokenRecord = app::RefreshTokenRecord;
using PasswordResetRecord = app::PasswordResetRecord;

// Failed logins counted like any rate-limited request.
using FailureCount = RequestCount;

class RefreshTokenRepo final : public app::ports::RefreshTokens {
 public:
  explicit RefreshTokenRepo(Session& session) : session_(session) {}

  void insert(const RefreshTokenRecord& token) override;
  std::optional<RefreshTokenRecord> find(const std::string& token_hash) override;
  // Marks the token used unless it already was; true when this call did it.
  bool mark_used(const std::string& id, std::int64_t now) override;
  void revoke_family(const std::string& family_id, std::int64_t now) override;
  void revoke_all_for_user(const std::string& user_id, std::int64_t now) override;

 private:
  Session& session_;
};

class PasswordResetRepo final : public app::ports::PasswordResets {
 public:
  explicit PasswordResetRepo(Session& session) : session_(session) {}

  void insert(const PasswordResetRecord& reset) override;
  std::optional<PasswordResetRecord> find(const std::string& token_hash) override;
  bool mark_used(const std::string& id, std::int64_t now) override;
  // Every link of the user not used yet.
  void mark_all_used_for_user(const std::string& user_id, std::int64_t now) override;

 private:
  Session& session_;
};

class LoginFailureRepo final : public app::ports::LoginFailures {
 public:
  explicit LoginFailureRepo(Session& session) : session_(session) {}

  void record(const std::string& id, const std::string& email, const std::string& ip,
              std::int64_t now) override;
  FailureCount for_email(const std::string& email, std::int64_t since) override;
  FailureCount for_ip(const std::string& ip, std::int64_t since) override;
  void clear_for_email(const std::string& email) override;
  void prune(std::int64_t before) override;

 private:
  Session& session_;
};

using AuditEntry = app::AuditEntry;

void append_audit(Session& session, const AuditEntry& entry);

}  // namespace confer::store
