#include "store/directory_index.hpp"

#include <array>

namespace confer::store {
namespace {

// Each statement names the specialists it writes with {who}: one
// ("u.id = $1") or all ("1 = 1").
constexpr std::string_view insert_entries =
    "INSERT INTO directory_entries (specialist_id, sort_name, price_from, price_currency,"
    " service_count)"
    " SELECT u.id, u.name,"
    "  (SELECT s.price FROM services s WHERE s.specialist_id = u.id AND s.published = 1"
    "    AND s.deleted_at IS NULL ORDER BY s.price, s.currency LIMIT 1),"
    "  (SELECT s.currency FROM services s WHERE s.specialist_id = u.id AND s.published = 1"
    "    AND s.deleted_at IS NULL ORDER BY s.price, s.currency LIMIT 1),"
    "  (SELECT COUNT(*) FROM services s WHERE s.specialist_id = u.id AND s.published = 1"
    "    AND s.deleted_at IS NULL)"
    " FROM users u JOIN specialist_profiles p ON p.user_id = u.id"
    " WHERE {who} AND u.role = 'specialist'";

constexpr std::string_view insert_prices =
    "INSERT INTO specialist_prices (service_id, specialist_id, currency, price)"
    " SELECT s.id, s.specialist_id, s.currency, s.price"
    " FROM directory_entries d JOIN users u ON u.id = d.specialist_id"
    " JOIN services s ON s.specialist_id = d.specialist_id"
    " WHERE {who} AND s.published = 1 AND s.deleted_at IS NULL";

// The JSON lists of tags as rows: json_each on SQLite, a lateral
// json_array_elements_text on PostgreSQL; duplicates and blanks dropped.
constexpr std::string_view insert_tags_sqlite =
    "INSERT INTO specialist_tags (kind, tag, sort_name, specialist_id)"
    " SELECT DISTINCT '{kind}', lower(trim(j.value)), u.name, u.id"
    " FROM directory_entries d JOIN users u ON u.id = d.specialist_id"
    " JOIN specialist_profiles p ON p.user_id = d.specialist_id, json_each(p.{column}) j"
    " WHERE {who} AND j.type = 'text' AND trim(j.value) <> ''";
constexpr std::string_view insert_tags_postgres =
    "INSERT INTO specialist_tags (kind, tag, sort_name, specialist_id)"
    " SELECT DISTINCT '{kind}', lower(trim(j.value)), u.name, u.id"
    " FROM directory_entries d JOIN users u ON u.id = d.specialist_id"
    " JOIN specialist_profiles p ON p.user_id = d.specialist_id"
    " CROSS JOIN LATERAL json_array_elements_text(p.{column}::json) AS j(value)"
    " WHERE {who} AND trim(j.value) <> ''";

constexpr std::string_view text_body =
    "u.name || ' ' || p.headline || ' ' || p.bio || ' ' || p.specialties";
constexpr std::string_view insert_text_sqlite =
    "INSERT INTO directory_text (rowid, body) SELECT d.rowid, {body}"
    " FROM directory_entries d JOIN users u ON u.id = d.specialist_id"
    " JOIN specialist_profiles p ON p.user_id = d.specialist_id WHERE {who}";
constexpr std::string_view update_text_postgres =
    "UPDATE directory_entries d SET search = to_tsvector('simple', {body})"
    " FROM users u, specialist_profiles p"
    " WHERE u.id = d.specialist_id AND p.user_id = d.specialist_id AND {who}";

std::string filled(std::string_view text, std::string_view who, std::string_view kind = "",
                   std::string_view column = "") {
  std::string out(text);
  auto replace = [&out](std::string_view key, std::string_view value) {
    for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
      out.replace(at, key.size(), value);
  };
  replace("{body}", text_body);
  replace("{who}", who);
  replace("{kind}", kind);
  replace("{column}", column);
  return out;
}

void insert_rows(Session& session, std::string_view who, const Params& params) {
  const bool sqlite = session.dialect() == Dialect::sqlite;
  session.execute("UPDATE directory_version SET version = version + 1 WHERE id = 1");
  session.execute(filled(insert_entries, who), params);
  session.execute(filled(insert_prices, who), params);
  const auto tags = sqlite ? insert_tags_sqlite : insert_tags_postgres;
  session.execute(filled(tags, who, "specialty", "specialties"), params);
  session.execute(filled(tags, who, "language", "languages"), params);
  session.execute(filled(sqlite ? insert_text_sqlite : update_text_postgres, who), params);
}

}  // namespace

void refresh_directory_entry(Session& session, const std::string& specialist_id) {
  const Params id{specialist_id};
  if (session.dialect() == Dialect::sqlite)
    session.execute(
        "DELETE FROM directory_text WHERE rowid ="
        " (SELECT rowid FROM directory_entries WHERE specialist_id = $1)",
        id);
  session.execute("DELETE FROM specialist_tags WHERE specialist_id = $1", id);
  session.execute("DELETE FROM specialist_prices WHERE specialist_id = $1", id);
  session.execute("DELETE FROM directory_entries WHERE specialist_id = $1", id);
  insert_rows(session, "u.id = $1", id);
}

void rebuild_directory(Session& session) {
  if (session.dialect() == Dialect::sqlite) session.execute("DELETE FROM directory_text", {});
  session.execute("DELETE FROM specialist_tags", {});
  session.execute("DELETE FROM specialist_prices", {});
  session.execute("DELETE FROM directory_entries", {});
  insert_rows(session, "1 = 1", {});
}

}  // namespace confer::store
