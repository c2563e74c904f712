#include "store/user_repo.hpp"

#include "store/directory_index.hpp"

namespace confer::store {

UserRecord user_from_row(const Row& row) {
  return UserRecord{row.text(0),          row.text(1),    row.text(2),    row.text(3),
                    row.text(4),          row.text(5),    row.integer(6), row.integer(7),
                    row.optional_text(8), row.boolean(9), row.integer(10)};
}

namespace {

SpecialistProfileRecord to_profile(const Row& row) {
  return SpecialistProfileRecord{row.text(0), row.text(1),          row.text(2),    row.text(3),
                                 row.text(4), row.optional_text(5), row.integer(6), row.integer(7)};
}

// Escapes LIKE wildcards so that user text matches literally.
std::string like_pattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return pattern + "%";
}

}  // namespace

void UserRepo::insert(const UserRecord& user) {
  try {
    session_.execute(
        "INSERT INTO users (id, email, password_hash, name, role, timezone, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {user.id, user.email, user.password_hash, user.name, user.role, user.timezone,
         user.created_at, user.updated_at});
  } catch (const DbError& error) {
    if (error.kind() == DbErrorKind::unique_violation) throw app::ports::Clash(error.constraint());
    throw;
  }
}

std::optional<UserRecord> UserRepo::find_by_id(const std::string& id) {
  auto row =
      session_.query_one("SELECT " + std::string(user_columns) + " FROM users WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return user_from_row(*row);
}

std::vector<UserRecord> UserRepo::find_by_ids(const std::vector<std::string>& ids) {
  std::vector<UserRecord> users;
  if (ids.empty()) return users;
  Params params;
  const auto sql = "SELECT " + std::string(user_columns) + " FROM users WHERE id IN (" +
                   in_list(params, ids) + ")";
  for (const auto& row : session_.query(sql, params)) users.push_back(user_from_row(row));
  return users;
}

std::optional<UserRecord> UserRepo::find_by_email(const std::string& email) {
  auto row = session_.query_one(
      "SELECT " + std::string(user_columns) + " FROM users WHERE email = $1", {email});
  if (!row) return std::nullopt;
  return user_from_row(*row);
}

void UserRepo::update_name_and_timezone(const std::string& id, const std::string& name,
                                        const std::string& timezone, std::int64_t now) {
  session_.execute("UPDATE users SET name = $2, timezone = $3, updated_at = $4 WHERE id = $1",
                   {id, name, timezone, now});
  refresh_directory_entry(session_, id);  // the list is ordered by name
}

void UserRepo::update_account(const UserRecord& user) {
  session_.execute(
      "UPDATE users SET name = $2, timezone = $3, phone = $4, sms_opt_in = $5, updated_at = $6"
      " WHERE id = $1",
      {user.id, user.name, user.timezone, optional_param(user.phone),
       std::int64_t{user.sms_opt_in ? 1 : 0}, user.updated_at});
  refresh_directory_entry(session_, user.id);
}

void UserRepo::update_password(const std::string& id, const std::string& password_hash,
                               std::int64_t now) {
  session_.execute("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1",
                   {id, password_hash, now});
}

void UserRepo::bump_token_version(const std::string& id) {
  session_.execute("UPDATE users SET token_version = token_version + 1 WHERE id = $1", {id});
}

std::optional<std::int64_t> UserRepo::token_version(const std::string& id) {
  auto row = session_.query_one("SELECT token_version FROM users WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return row->integer(0);
}

UserPage UserRepo::list(const std::string& role, const std::string& text, int offset, int limit) {
  const std::string filter =
      " FROM users WHERE ($1 = '' OR role = $1)"
      " AND ($2 = '%%' OR LOWER(name) LIKE $2 ESCAPE '\\' OR email LIKE $2 ESCAPE '\\')";
  Params params{role, like_pattern(text)};
  UserPage page;
  page.total = session_.query_one("SELECT COUNT(*)" + filter, params)->integer(0);
  params.emplace_back(std::int64_t{limit});
  params.emplace_back(std::int64_t{offset});
  for (const auto& row : session_.query("SELECT " + std::string(user_columns) + filter +
                                            " ORDER BY created_at, id LIMIT $3 OFFSET $4",
                                        params))
    page.items.push_back(user_from_row(row));
  return page;
}

void UserRepo::insert_profile(const SpecialistProfileRecord& p) {
  session_.execute(
      "INSERT INTO specialist_profiles (user_id, headline, bio, specialties, languages,"
      " photo_url, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {p.user_id, p.headline, p.bio, p.specialties_json, p.languages_json,
       optional_param(p.photo_url), p.created_at, p.updated_at});
  refresh_directory_entry(session_, p.user_id);
}

std::optional<SpecialistProfileRecord> UserRepo::find_profile(const std::string& user_id) {
  auto row = session_.query_one(
      "SELECT user_id, headline, bio, specialties, languages, photo_url, created_at, updated_at"
      " FROM specialist_profiles WHERE user_id = $1",
      {user_id});
  if (!row) return std::nullopt;
  return to_profile(*row);
}

void UserRepo::update_profile(const SpecialistProfileRecord& p) {
  session_.execute(
      "UPDATE specialist_profiles SET headline = $2, bio = $3, specialties = $4, languages = $5,"
      " photo_url = $6, updated_at = $7 WHERE user_id = $1",
      {p.user_id, p.headline, p.bio, p.specialties_json, p.languages_json,
       optional_param(p.photo_url), p.updated_at});
  refresh_directory_entry(session_, p.user_id);
}

bool grant_admin(Database& database, const std::string& email, std::int64_t now) {
  std::int64_t changed = 0;
  database.transaction(TxMode::write, [&](Session& session) {
    changed = session.execute("UPDATE users SET role = 'admin', updated_at = $2 WHERE email = $1",
                              {email, now});
    for (const auto& row : session.query("SELECT id FROM users WHERE email = $1", {email}))
      refresh_directory_entry(session, row.text(0));  // an admin is not listed
  });
  return changed > 0;
}

}  // namespace confer::store
