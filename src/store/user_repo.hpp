#pragma once
// Users and specialist profiles.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/account_ports.hpp"
#include "app/ports/records.hpp"
#include "store/database.hpp"

namespace confer::store {

using UserRecord = app::UserRecord;

using SpecialistProfileRecord = app::SpecialistProfileRecord;
using UserPage = app::UserPage;

// The columns every user query reads, in the order user_from_row expects.
inline constexpr std::string_view user_columns =
    "id, email, password_hash, name, role, timezone, created_at, updated_at, phone, sms_opt_in,"
    " token_version";
inline constexpr std::size_t user_column_count = 11;
UserRecord user_from_row(const Row& row);

class UserRepo final : public app::ports::Users {
 public:
  explicit UserRepo(Session& session) : session_(session) {}

  // app::ports::Clash (not a DbError) on a taken email.
  void insert(const UserRecord& user) override;
  std::optional<UserRecord> find_by_id(const std::string& id) override;
  // The users among `ids` that exist (in no particular order); one query.
  std::vector<UserRecord> find_by_ids(const std::vector<std::string>& ids);
  std::optional<UserRecord> find_by_email(const std::string& email) override;
  // Name, time zone, phone and SMS consent, as the record holds them.
  void update_account(const UserRecord& user) override;
  void update_name_and_timezone(const std::string& id, const std::string& name,
                                const std::string& timezone, std::int64_t now);
  void update_password(const std::string& id, const std::string& password_hash,
                       std::int64_t now) override;
  // Revokes every access token issued to the user so far.
  void bump_token_version(const std::string& id) override;
  std::optional<std::int64_t> token_version(const std::string& id) override;
  // Filter by role (empty: all) and a text that the name or email contains.
  UserPage list(const std::string& role, const std::string& text, int offset, int limit) override;

  void insert_profile(const SpecialistProfileRecord& profile) override;
  std::optional<SpecialistProfileRecord> find_profile(const std::string& user_id) override;
  void update_profile(const SpecialistProfileRecord& profile) override;

 private:
  Session& session_;
};

// `confer make-admin`: the account with this (normalized) email becomes an
// admin; false when there is none. Roles never come from the API.
bool grant_admin(Database& database, const std::string& email, std::int64_t now);

}  // namespace confer::store
