#include "store/auth_repo.hpp"

namespace confer::store {
namespace {

RefreshTokenRecord to_refresh_token(const Row& row) {
  return RefreshTokenRecord{row.text(0),
                            row.text(1),
                            row.text(2),
                            row.text(3),
                            row.integer(4),
                            row.integer(5),
                            row.optional_integer(6),
                            row.optional_integer(7)};
}

FailureCount to_count(const std::optional<Row>& row) {
  if (!row || row->is_null(1)) return {};
  return FailureCount{row->integer(0), row->integer(1)};
}

}  // namespace

void RefreshTokenRepo::insert(const RefreshTokenRecord& t) {
  session_.execute(
      "INSERT INTO refresh_tokens (id, token_hash, family_id, user_id, created_at, expires_at)"
      " VALUES ($1, $2, $3, $4, $5, $6)",
      {t.id, t.token_hash, t.family_id, t.user_id, t.created_at, t.expires_at});
}

std::optional<RefreshTokenRecord> RefreshTokenRepo::find(const std::string& token_hash) {
  auto row = session_.query_one(
      "SELECT id, token_hash, family_id, user_id, created_at, expires_at, used_at, revoked_at"
      " FROM refresh_tokens WHERE token_hash = $1",
      {token_hash});
  if (!row) return std::nullopt;
  return to_refresh_token(*row);
}

bool RefreshTokenRepo::mark_used(const std::string& id, std::int64_t now) {
  return session_.execute(
             "UPDATE refresh_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL"
             " AND revoked_at IS NULL",
             {id, now}) == 1;
}

void RefreshTokenRepo::revoke_family(const std::string& family_id, std::int64_t now) {
  session_.execute(
      "UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL",
      {family_id, now});
}

void RefreshTokenRepo::revoke_all_for_user(const std::string& user_id, std::int64_t now) {
  session_.execute(
      "UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
      {user_id, now});
}

void PasswordResetRepo::insert(const PasswordResetRecord& r) {
  session_.execute(
      "INSERT INTO password_resets (id, token_hash, user_id, created_at, expires_at)"
      " VALUES ($1, $2, $3, $4, $5)",
      {r.id, r.token_hash, r.user_id, r.created_at, r.expires_at});
}

std::optional<PasswordResetRecord> PasswordResetRepo::find(const std::string& token_hash) {
  auto row = session_.query_one(
      "SELECT id, token_hash, user_id, created_at, expires_at, used_at"
      " FROM password_resets WHERE token_hash = $1",
      {token_hash});
  if (!row) return std::nullopt;
  return PasswordResetRecord{row->text(0),    row->text(1),    row->text(2),
                             row->integer(3), row->integer(4), row->optional_integer(5)};
}

bool PasswordResetRepo::mark_used(const std::string& id, std::int64_t now) {
  return session_.execute(
             "UPDATE password_resets SET used_at = $2 WHERE id = $1 AND used_at IS NULL",
             {id, now}) == 1;
}

void PasswordResetRepo::mark_all_used_for_user(const std::string& user_id, std::int64_t now) {
  session_.execute("UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL",
                   {user_id, now});
}

void LoginFailureRepo::record(const std::string& id, const std::string& email,
                              const std::string& ip, std::int64_t now) {
  session_.execute("INSERT INTO login_failures (id, email, ip, failed_at) VALUES ($1, $2, $3, $4)",
                   {id, email, ip, now});
}

FailureCount LoginFailureRepo::for_email(const std::string& email, std::int64_t since) {
  return to_count(session_.query_one(
      "SELECT COUNT(*), MIN(failed_at) FROM login_failures WHERE email = $1 AND failed_at > $2",
      {email, since}));
}

FailureCount LoginFailureRepo::for_ip(const std::string& ip, std::int64_t since) {
  return to_count(session_.query_one(
      "SELECT COUNT(*), MIN(failed_at) FROM login_failures WHERE ip = $1 AND failed_at > $2",
      {ip, since}));
}

void LoginFailureRepo::clear_for_email(const std::string& email) {
  session_.execute("DELETE FROM login_failures WHERE email = $1", {email});
}

void LoginFailureRepo::prune(std::int64_t before) {
  session_.execute("DELETE FROM login_failures WHERE failed_at <= $1", {before});
}

void append_audit(Session& session, const AuditEntry& e) {
  session.write_later(
      "INSERT INTO audit_log (id, actor_id, action, entity_type, entity_id, from_state, to_state,"
      " detail, ip, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {e.id, optional_param(e.actor_id), e.action, e.entity_type, optional_param(e.entity_id),
       optional_param(e.from_state), optional_param(e.to_state), optional_param(e.detail),
       optional_param(e.ip), e.created_at});
}

}  // namespace confer::store
