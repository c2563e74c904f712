#pragma once
// In-memory account ports, so that the account use cases run without a
// database. A transaction works on a copy of the data and puts it back when
// the work returns (writes) or drops it (reads, and work that throws), so a
// refused request leaves nothing behind, as a rolled-back one does.
// Transactions take turns one at a time, like SQLite's writers. The data is
// public: tests look at what a use case wrote.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/ports/account_ports.hpp"
#include "app/ports/passwords.hpp"

namespace confer::fakes {

struct LoginFailureRow {
  std::string id;
  std::string email;
  std::string ip;
  std::int64_t failed_at = 0;
};

struct LimitedRequestRow {
  std::string id;
  std::string kind;
  std::string subject;
  std::int64_t occurred_at = 0;
};

// Everything the store would hold for the account use cases.
struct AccountData {
  std::map<std::string, app::UserRecord> users;                  // by id
  std::map<std::string, app::SpecialistProfileRecord> profiles;  // by user id
  std::vector<app::RefreshTokenRecord> refresh_tokens;
  std::vector<app::PasswordResetRecord> password_resets;
  std::vector<LoginFailureRow> login_failures;
  std::vector<LimitedRequestRow> limited_requests;
  std::vector<app::AuditEntry> audit;
  // Every take_turn of committed transactions, in order: (kind, subject).
  std::vector<std::pair<std::string, std::string>> turns;
};

class FakeAccounts final : public app::ports::AccountUnitOfWork {
 public:
  void read(const std::function<void(app::ports::AccountTransaction&)>& work) override;
  void write(const std::function<void(app::ports::AccountTransaction&)>& work) override;

  // The committed data; not to be used while a transaction runs on another thread.
  AccountData data;
  int writes_committed = 0;

 private:
  std::mutex turn_;
};

// Passwords "hashed" as readable text, at no cost: use-case tests check what
// a hash does, not Argon2id.
class PlainPasswords final : public app::ports::Passwords {
 public:
  std::string hash(std::string_view password) const override {
    return "plain$" + std::string(password);
  }
  bool verify(std::string_view hash, std::string_view password) const override {
    return hash == "plain$" + std::string(password);
  }
};

}  // namespace confer::fakes
