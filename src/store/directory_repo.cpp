#include "store/directory_repo.hpp"

namespace confer::store {
namespace {

std::string contains_pattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return pattern + "%";
}

// Tags are stored as a JSON list of strings: match one whole element.
std::string tag_pattern(const std::string& tag) {
  std::string lower;
  for (char c : tag) {
    if (c == '%' || c == '_' || c == '\\' || c == '"') lower += '\\';
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return "%\"" + lower + "\"%";
}

}  // namespace

std::vector<DirectoryEntry> search_specialists(Session& session, const DirectoryFilter& f,
                                               int limit) {
  const std::string sql =
      "SELECT u.id, u.email, u.password_hash, u.name, u.role, u.timezone, u.created_at,"
      " u.updated_at, p.headline, p.bio, p.specialties, p.languages, p.photo_url, p.created_at,"
      " p.updated_at,"
      " (SELECT MIN(s.price) FROM services s WHERE s.specialist_id = u.id AND s.published = 1"
      "   AND s.deleted_at IS NULL),"
      " (SELECT COUNT(*) FROM services s WHERE s.specialist_id = u.id AND s.published = 1"
      "   AND s.deleted_at IS NULL),"
      " (SELECT MIN(s.currency) FROM services s WHERE s.specialist_id = u.id AND s.published = 1"
      "   AND s.deleted_at IS NULL)"
      " FROM users u JOIN specialist_profiles p ON p.user_id = u.id"
      " WHERE u.role = 'specialist'"
      " AND ($1 = '%%' OR LOWER(u.name) LIKE $1 ESCAPE '\\' OR LOWER(p.headline) LIKE $1 ESCAPE "
      "'\\'"
      "      OR LOWER(p.bio) LIKE $1 ESCAPE '\\' OR LOWER(p.specialties) LIKE $1 ESCAPE '\\')"
      " AND ($2 = '' OR LOWER(p.specialties) LIKE $3 ESCAPE '\\')"
      " AND ($4 = '' OR LOWER(p.languages) LIKE $5 ESCAPE '\\')"
      " AND ($6 < 0 OR EXISTS (SELECT 1 FROM services s WHERE s.specialist_id = u.id"
      "      AND s.published = 1 AND s.deleted_at IS NULL AND s.price >= $6 AND s.price <= $7"
      "      AND ($8 = '' OR s.currency = $8)))"
      " ORDER BY u.name, u.id LIMIT $9";
  const bool price_filter = f.min_price || f.max_price;
  std::vector<DirectoryEntry> entries;
  for (const auto& row : session.query(
           sql, {contains_pattern(f.text), f.specialty, tag_pattern(f.specialty), f.language,
                 tag_pattern(f.language), std::int64_t{price_filter ? f.min_price.value_or(0) : -1},
                 f.max_price.value_or(INT64_MAX), f.currency.value_or(""), std::int64_t{limit}})) {
    DirectoryEntry entry;
    entry.user = {row.text(0), row.text(1),    row.text(2),    row.text(3),  row.text(4),
                  row.text(5), row.integer(6), row.integer(7), std::nullopt, false};
    entry.profile = {row.text(0),  row.text(8),           row.text(9),     row.text(10),
                     row.text(11), row.optional_text(12), row.integer(13), row.integer(14)};
    entry.lowest_price = row.optional_integer(15);
    entry.service_count = static_cast<int>(row.integer(16));
    entry.lowest_price_currency = row.optional_text(17).value_or("");
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace confer::store
