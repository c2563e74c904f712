#include "fakes/account_fakes.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <tuple>

namespace confer::fakes {
namespace {

using app::RequestCount;

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

template <typename Row, typename Pick, typename When>
RequestCount count_of(const std::vector<Row>& rows, Pick pick, When when, std::int64_t since) {
  RequestCount counted;
  for (const auto& row : rows) {
    if (!pick(row) || when(row) <= since) continue;
    counted.oldest_at = counted.count == 0 ? when(row) : std::min(counted.oldest_at, when(row));
    ++counted.count;
  }
  return counted;
}

class FakeUsers final : public app::ports::Users {
 public:
  explicit FakeUsers(AccountData& data) : data_(data) {}

  void insert(const app::UserRecord& user) override {
    for (const auto& [id, other] : data_.users)
      if (other.email == user.email) throw app::ports::Clash("users_email_key");
    if (data_.users.contains(user.id)) throw app::ports::Clash("users_pkey");
    data_.users[user.id] = user;
  }
  std::optional<app::UserRecord> find_by_id(const std::string& id) override {
    auto found = data_.users.find(id);
    if (found == data_.users.end()) return std::nullopt;
    return found->second;
  }
  std::optional<app::UserRecord> find_by_email(const std::string& email) override {
    for (const auto& [id, user] : data_.users)
      if (user.email == email) return user;
    return std::nullopt;
  }
  void update_account(const app::UserRecord& user) override {
    auto found = data_.users.find(user.id);
    if (found == data_.users.end()) return;
    found->second.name = user.name;
    found->second.timezone = user.timezone;
    found->second.phone = user.phone;
    found->second.sms_opt_in = user.sms_opt_in;
    found->second.updated_at = user.updated_at;
  }
  void update_password(const std::string& id, const std::string& password_hash,
                       std::int64_t now) override {
    auto found = data_.users.find(id);
    if (found == data_.users.end()) return;
    found->second.password_hash = password_hash;
    found->second.updated_at = now;
  }
  void bump_token_version(const std::string& id) override {
    auto found = data_.users.find(id);
    if (found != data_.users.end()) ++found->second.token_version;
  }
  std::optional<std::int64_t> token_version(const std::string& id) override {
    auto found = data_.users.find(id);
    if (found == data_.users.end()) return std::nullopt;
    return found->second.token_version;
  }
  app::UserPage list(const std::string& role, const std::string& text, int offset,
                     int limit) override;

  void insert_profile(const app::SpecialistProfileRecord& profile) override {
    if (data_.profiles.contains(profile.user_id)) throw app::ports::Clash("specialist_profiles");
    data_.profiles[profile.user_id] = profile;
  }
  std::optional<app::SpecialistProfileRecord> find_profile(const std::string& user_id) override {
    auto found = data_.profiles.find(user_id);
    if (found == data_.profiles.end()) return std::nullopt;
    return found->second;
  }
  void update_profile(const app::SpecialistProfileRecord& profile) override {
    auto found = data_.profiles.find(profile.user_id);
    if (found == data_.profiles.end()) return;
    auto created_at = found->second.created_at;
    found->second = profile;
    found->second.created_at = created_at;
  }

 private:
  AccountData& data_;
};

app::UserPage FakeUsers::list(const std::string& role, const std::string& text, int offset,
                              int limit) {
  const auto needle = lower(text);
  std::vector<app::UserRecord> matching;
  for (const auto& [id, user] : data_.users)
    if ((role.empty() || user.role == role) &&
        (lower(user.name).find(needle) != std::string::npos ||
         user.email.find(needle) != std::string::npos))
      matching.push_back(user);
  std::sort(matching.begin(), matching.end(), [](const auto& a, const auto& b) {
    return std::tie(a.created_at, a.id) < std::tie(b.created_at, b.id);
  });
  app::UserPage page;
  page.total = static_cast<std::int64_t>(matching.size());
  for (int i = offset; i < offset + limit && i < static_cast<int>(matching.size()); ++i)
    page.items.push_back(matching[static_cast<std::size_t>(i)]);
  return page;
}

class FakeRefreshTokens final : public app::ports::RefreshTokens {
 public:
  explicit FakeRefreshTokens(AccountData& data) : rows_(data.refresh_tokens) {}

  void insert(const app::RefreshTokenRecord& token) override { rows_.push_back(token); }
  std::optional<app::RefreshTokenRecord> find(const std::string& token_hash) override {
    for (const auto& row : rows_)
      if (row.token_hash == token_hash) return row;
    return std::nullopt;
  }
  bool mark_used(const std::string& id, std::int64_t now) override {
    for (auto& row : rows_)
      if (row.id == id && !row.used_at && !row.revoked_at) {
        row.used_at = now;
        return true;
      }
    return false;
  }
  void revoke_family(const std::string& family_id, std::int64_t now) override {
    for (auto& row : rows_)
      if (row.family_id == family_id && !row.revoked_at) row.revoked_at = now;
  }
  void revoke_all_for_user(const std::string& user_id, std::int64_t now) override {
    for (auto& row : rows_)
      if (row.user_id == user_id && !row.revoked_at) row.revoked_at = now;
  }

 private:
  std::vector<app::RefreshTokenRecord>& rows_;
};

class FakePasswordResets final : public app::ports::PasswordResets {
 public:
  explicit FakePasswordResets(AccountData& data) : rows_(data.password_resets) {}

  void insert(const app::PasswordResetRecord& reset) override { rows_.push_back(reset); }
  std::optional<app::PasswordResetRecord> find(const std::string& token_hash) override {
    for (const auto& row : rows_)
      if (row.token_hash == token_hash) return row;
    return std::nullopt;
  }
  bool mark_used(const std::string& id, std::int64_t now) override {
    for (auto& row : rows_)
      if (row.id == id && !row.used_at) {
        row.used_at = now;
        return true;
      }
    return false;
  }
  void mark_all_used_for_user(const std::string& user_id, std::int64_t now) override {
    for (auto& row : rows_)
      if (row.user_id == user_id && !row.used_at) row.used_at = now;
  }

 private:
  std::vector<app::PasswordResetRecord>& rows_;
};

class FakeLoginFailures final : public app::ports::LoginFailures {
 public:
  explicit FakeLoginFailures(AccountData& data) : rows_(data.login_failures) {}

  void record(const std::string& id, const std::string& email, const std::string& ip,
              std::int64_t now) override {
    rows_.push_back({id, email, ip, now});
  }
  RequestCount for_email(const std::string& email, std::int64_t since) override {
    return count_of(
        rows_, [&](const auto& row) { return row.email == email; },
        [](const auto& row) { return row.failed_at; }, since);
  }
  RequestCount for_ip(const std::string& ip, std::int64_t since) override {
    return count_of(
        rows_, [&](const auto& row) { return row.ip == ip; },
        [](const auto& row) { return row.failed_at; }, since);
  }
  void clear_for_email(const std::string& email) override {
    std::erase_if(rows_, [&](const auto& row) { return row.email == email; });
  }
  void prune(std::int64_t before) override {
    std::erase_if(rows_, [&](const auto& row) { return row.failed_at <= before; });
  }

 private:
  std::vector<LoginFailureRow>& rows_;
};

class FakeRateLimits final : public app::ports::RateLimits {
 public:
  explicit FakeRateLimits(AccountData& data) : rows_(data.limited_requests) {}

  RequestCount count(std::string_view kind, const std::string& subject,
                     std::int64_t since) override {
    return count_of(
        rows_, [&](const auto& row) { return row.kind == kind && row.subject == subject; },
        [](const auto& row) { return row.occurred_at; }, since);
  }
  void record(const std::string& id, std::string_view kind, const std::string& subject,
              std::int64_t now) override {
    rows_.push_back({id, std::string(kind), subject, now});
  }
  void prune(std::int64_t before) override {
    std::erase_if(rows_, [&](const auto& row) { return row.occurred_at <= before; });
  }

 private:
  std::vector<LimitedRequestRow>& rows_;
};

class FakeAudit final : public app::ports::AuditLog {
 public:
  explicit FakeAudit(AccountData& data) : rows_(data.audit) {}
  void append(const app::AuditEntry& entry) override { rows_.push_back(entry); }

 private:
  std::vector<app::AuditEntry>& rows_;
};

class FakeAccountTransaction final : public app::ports::AccountTransaction {
 public:
  explicit FakeAccountTransaction(AccountData& data)
      : data_(data),
        users_(data),
        refresh_tokens_(data),
        password_resets_(data),
        login_failures_(data),
        rate_limits_(data),
        audit_(data) {}

  app::ports::Users& users() override { return users_; }
  app::ports::RefreshTokens& refresh_tokens() override { return refresh_tokens_; }
  app::ports::PasswordResets& password_resets() override { return password_resets_; }
  app::ports::LoginFailures& login_failures() override { return login_failures_; }
  app::ports::RateLimits& rate_limits() override { return rate_limits_; }
  app::ports::AuditLog& audit() override { return audit_; }
  // Transactions already take turns one at a time; this records the turn.
  void take_turn(std::string_view kind, const std::string& subject) override {
    data_.turns.emplace_back(std::string(kind), subject);
  }

 private:
  AccountData& data_;
  FakeUsers users_;
  FakeRefreshTokens refresh_tokens_;
  FakePasswordResets password_resets_;
  FakeLoginFailures login_failures_;
  FakeRateLimits rate_limits_;
  FakeAudit audit_;
};

}  // namespace

void FakeAccounts::read(const std::function<void(app::ports::AccountTransaction&)>& work) {
  std::lock_guard lock(turn_);
  AccountData copy = data;
  FakeAccountTransaction transaction(copy);
  work(transaction);
}

void FakeAccounts::write(const std::function<void(app::ports::AccountTransaction&)>& work) {
  std::lock_guard lock(turn_);
  AccountData copy = data;
  FakeAccountTransaction transaction(copy);
  work(transaction);
  data = std::move(copy);
  ++writes_committed;
}

}  // namespace confer::fakes
