#pragma once
// The ports of the account use cases (sign-up, log-in, sessions, password
// resets, the own account and profile): what they need from storage, in the
// product's words. The store implements them over SQLite and PostgreSQL
// (store/account_adapters); tests/fakes holds in-memory ones. An
// AccountTransaction's parts all act within one database transaction; an
// AccountUnitOfWork runs one and commits it, or rolls it back when the work
// throws. The audit log and Clash are the booking ports' own.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/ports/booking_ports.hpp"
#include "app/ports/records.hpp"

namespace confer::app::ports {

// Accounts and specialists' profiles.
class Users {
 public:
  virtual ~Users() = default;
  // Throws Clash when the email already has an account.
  virtual void insert(const UserRecord& user) = 0;
  virtual std::optional<UserRecord> find_by_id(const std::string& id) = 0;
  virtual std::optional<UserRecord> find_by_email(const std::string& email) = 0;
  // Name, time zone, phone, SMS consent and updated_at, as the record holds them.
  virtual void update_account(const UserRecord& user) = 0;
  virtual void update_password(const std::string& id, const std::string& password_hash,
                               std::int64_t now) = 0;
  // Revokes every access token issued to the user so far.
  virtual void bump_token_version(const std::string& id) = 0;
  // nullopt when the user does not exist.
  virtual std::optional<std::int64_t> token_version(const std::string& id) = 0;
  // Filtered by role (empty: all) and by a text the name or email contains,
  // oldest first.
  virtual UserPage list(const std::string& role, const std::string& text, int offset,
                        int limit) = 0;

  virtual void insert_profile(const SpecialistProfileRecord& profile) = 0;
  virtual std::optional<SpecialistProfileRecord> find_profile(const std::string& user_id) = 0;
  virtual void update_profile(const SpecialistProfileRecord& profile) = 0;
};

// Refresh tokens, found by the hash of the token.
class RefreshTokens {
 public:
  virtual ~RefreshTokens() = default;
  virtual void insert(const RefreshTokenRecord& token) = 0;
  virtual std::optional<RefreshTokenRecord> find(const std::string& token_hash) = 0;
  // Marks the token used unless it already was used or revoked; true when
  // this call did it.
  virtual bool mark_used(const std::string& id, std::int64_t now) = 0;
  virtual void revoke_family(const std::string& family_id, std::int64_t now) = 0;
  virtual void revoke_all_for_user(const std::string& user_id, std::int64_t now) = 0;
};

// Password-reset links, found by the hash of their token.
class PasswordResets {
 public:
  virtual ~PasswordResets() = default;
  virtual void insert(const PasswordResetRecord& reset) = 0;
  virtual std::optional<PasswordResetRecord> find(const std::string& token_hash) = 0;
  // Marks the link used unless it already was; true when this call did it.
  virtual bool mark_used(const std::string& id, std::int64_t now) = 0;
  // Every link of the user not used yet.
  virtual void mark_all_used_for_user(const std::string& user_id, std::int64_t now) = 0;
};

// Failed logins, counted per account (email) and per client address.
class LoginFailures {
 public:
  virtual ~LoginFailures() = default;
  virtual void record(const std::string& id, const std::string& email, const std::string& ip,
                      std::int64_t now) = 0;
  // Those after `since`.
  virtual RequestCount for_email(const std::string& email, std::int64_t since) = 0;
  virtual RequestCount for_ip(const std::string& ip, std::int64_t since) = 0;
  virtual void clear_for_email(const std::string& email) = 0;
  virtual void prune(std::int64_t before) = 0;  // drops those at or before
};

// Requests counted against a limit (sign-ups per client address, reset
// links per email address), by kind and subject.
class RateLimits {
 public:
  virtual ~RateLimits() = default;
  // Those after `since`.
  virtual RequestCount count(std::string_view kind, const std::string& subject,
                             std::int64_t since) = 0;
  virtual void record(const std::string& id, std::string_view kind, const std::string& subject,
                      std::int64_t now) = 0;
  virtual void prune(std::int64_t before) = 0;  // drops those at or before
};

class AccountTransaction {
 public:
  virtual ~AccountTransaction() = default;
  virtual Users& users() = 0;
  virtual RefreshTokens& refresh_tokens() = 0;
  virtual PasswordResets& password_resets() = 0;
  virtual LoginFailures& login_failures() = 0;
  virtual RateLimits& rate_limits() = 0;
  virtual AuditLog& audit() = 0;
  // Transactions that name the same (kind, subject) take turns from here to
  // their end, so that a count they check and the row they add after it
  // cannot both slip past a limit.
  virtual void take_turn(std::string_view kind, const std::string& subject) = 0;
};

class AccountUnitOfWork {
 public:
  virtual ~AccountUnitOfWork() = default;
  // Runs `work` in one transaction: committed when it returns, rolled back
  // when it throws (the exception is passed on). `read` work writes nothing.
  virtual void read(const std::function<void(AccountTransaction&)>& work) = 0;
  virtual void write(const std::function<void(AccountTransaction&)>& work) = 0;
};

}  // namespace confer::app::ports
