#include "store/account_adapters.hpp"

#include "store/auth_repo.hpp"
#include "store/rate_limit_repo.hpp"
#include "store/user_repo.hpp"

namespace confer::store {
namespace {

class AuditRows final : public app::ports::AuditLog {
 public:
  explicit AuditRows(Session& session) : session_(session) {}
  void append(const AuditEntry& entry) override { append_audit(session_, entry); }

 private:
  Session& session_;
};

class SessionAccounts final : public app::ports::AccountTransaction {
 public:
  explicit SessionAccounts(Session& session)
      : session_(session),
        users_(session),
        refresh_tokens_(session),
        password_resets_(session),
        login_failures_(session),
        rate_limits_(session),
        audit_(session) {}

  app::ports::Users& users() override { return users_; }
  app::ports::RefreshTokens& refresh_tokens() override { return refresh_tokens_; }
  app::ports::PasswordResets& password_resets() override { return password_resets_; }
  app::ports::LoginFailures& login_failures() override { return login_failures_; }
  app::ports::RateLimits& rate_limits() override { return rate_limits_; }
  app::ports::AuditLog& audit() override { return audit_; }
  void take_turn(std::string_view kind, const std::string& subject) override {
    serialize_on(session_, kind, subject);
  }

 private:
  Session& session_;
  UserRepo users_;
  RefreshTokenRepo refresh_tokens_;
  PasswordResetRepo password_resets_;
  LoginFailureRepo login_failures_;
  RateLimitRepo rate_limits_;
  AuditRows audit_;
};

}  // namespace

void AccountStore::read(const std::function<void(app::ports::AccountTransaction&)>& work) {
  database_.transaction(TxMode::read, [&](Session& session) {
    SessionAccounts accounts(session);
    work(accounts);
  });
}

void AccountStore::write(const std::function<void(app::ports::AccountTransaction&)>& work) {
  database_.transaction(TxMode::write, [&](Session& session) {
    SessionAccounts accounts(session);
    work(accounts);
  });
}

}  // namespace confer::store
