#pragma once
// Users and specialist profiles.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/records.hpp"
#include "store/database.hpp"

namespace confer::store {

using UserRecord = app::UserRecord;

using SpecialistProfileRecord = app::SpecialistProfileRecord;

struct UserPage {
  std::vector<UserRecord> items;
  std::int64_t total = 0;
};

// The columns every user query reads, in the order user_from_row expects.
inline constexpr std::string_view user_columns =
    "id, email, password_hash, name, role, timezone, created_at, updated_at, phone, sms_opt_in,"
    " token_version";
inline constexpr std::size_t user_column_count = 11;
UserRecord user_from_row(const Row& row);

class UserRepo {
 public:
  explicit UserRepo(Session& session) : session_(session) {}

  void insert(const UserRecord& user);  // DbError unique_violation on a taken email
  std::optional<UserRecord> find_by_id(const std::string& id);
  // The users among `ids` that exist (in no particular order); one query.
  std::vector<UserRecord> find_by_ids(const std::vector<std::string>& ids);
  std::optional<UserRecord> find_by_email(const std::string& email);
  // Name, time zone, phone and SMS consent, as the record holds them.
  void update_account(const UserRecord& user);
  void update_name_and_timezone(const std::string& id, const std::string& name,
                                const std::string& timezone, std::int64_t now);
  void update_password(const std::string& id, const std::string& password_hash, std::int64_t now);
  // Revokes every access token issued to the user so far.
  void bump_token_version(const std::string& id);
  std::optional<std::int64_t> token_version(const std::string& id);
  // Filter by role (empty: all) and a text that the name or email contains.
  UserPage list(const std::string& role, const std::string& text, int offset, int limit);

  void insert_profile(const SpecialistProfileRecord& profile);
  std::optional<SpecialistProfileRecord> find_profile(const std::string& user_id);
  void update_profile(const SpecialistProfileRecord& profile);

 private:
  Session& session_;
};

}  // namespace confer::store
