#include "store/directory_repo.hpp"

#include "store/free_day_repo.hpp"

namespace confer::store {
namespace {

// The words of a search text: runs of letters and digits (any byte past
// ASCII counts as a letter, so accented and non-Latin words stay whole),
// as the full-text tokenizers split them.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words(1);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80)
      words.back() += c;
    else if (!words.back().empty())
      words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// Every word as a prefix: FTS5 '"thera"* "mind"*', tsquery 'thera:* & mind:*'.
// Words hold no quote or operator, so nothing needs escaping.
std::string text_query(const std::vector<std::string>& words, Dialect dialect) {
  std::string query;
  for (const auto& word : words) {
    if (!query.empty()) query += dialect == Dialect::sqlite ? " " : " & ";
    query += dialect == Dialect::sqlite ? "\"" + word + "\"*" : word + ":*";
  }
  return query;
}

// FROM and WHERE of a search, and the table whose (sort_name, specialist_id)
// orders it: a tag's index gives the order when a tag is asked for.
struct SearchSql {
  std::string from = " FROM directory_entries d";
  std::string where = " WHERE 1 = 1";
  std::string order_by = "d";
  Params params;

  std::string param(Param value) {
    params.push_back(std::move(value));
    return "$" + std::to_string(params.size());
  }
};

// How the search meets "free on a day" (see FreeOnPlan); `as_join` for a
// count with nobody the slot engine vouched for.
struct FreeOnSql {
  FreeOnPlan plan = FreeOnPlan::rows_first;
  bool as_join = false;
};

SearchSql search_sql(const DirectoryFilter& f, Dialect dialect, FreeOnSql free_on = {}) {
  SearchSql sql;
  auto tag = [&sql](const std::string& value, const char* kind, const char* alias) {
    sql.from += std::string(" JOIN specialist_tags ") + alias + " ON " + alias +
                ".specialist_id = d.specialist_id AND " + alias + ".kind = '" + kind + "' AND " +
                alias + ".tag = lower(trim(" + sql.param(value) + "))";
    if (sql.order_by == "d") sql.order_by = alias;
  };
  if (!f.specialty.empty()) tag(f.specialty, "specialty", "ts");
  if (!f.language.empty()) tag(f.language, "language", "tl");
  if (f.currency) {
    sql.where +=
        " AND d.specialist_id IN (SELECT sp.specialist_id FROM specialist_prices sp"
        " WHERE sp.currency = " +
        sql.param(*f.currency);
    if (f.min_price) sql.where += " AND sp.price >= " + sql.param(*f.min_price);
    if (f.max_price) sql.where += " AND sp.price <= " + sql.param(*f.max_price);
    sql.where += ")";
  }
  if (auto words = words_of(f.text); !words.empty()) {
    const auto query = sql.param(text_query(words, dialect));
    sql.where += dialect == Dialect::sqlite
                     ? " AND d.rowid IN (SELECT rowid FROM directory_text WHERE directory_text"
                       " MATCH " +
                           query + ")"
                     : " AND d.search @@ to_tsquery('simple', " + query + ")";
  }
  if (f.free_on && free_on.as_join && f.free_on->free.empty()) {
    sql.from += free_on_join(*f.free_on, sql.params);
    if (!f.free_on->unsure.empty())
      sql.where += " AND d.specialist_id NOT IN (" + in_list(sql.params, f.free_on->unsure) + ")";
  } else if (f.free_on) {
    sql.where += " AND " + free_on_condition(*f.free_on, sql.params, free_on.plan);
  }
  return sql;
}

DirectoryEntry entry_from_row(const Row& row) {
  DirectoryEntry entry;
  entry.user = {row.text(0), row.text(1),    row.text(2),    row.text(3),  row.text(4),
                row.text(5), row.integer(6), row.integer(7), std::nullopt, false};
  entry.profile = {row.text(0),  row.text(8),           row.text(9),     row.text(10),
                   row.text(11), row.optional_text(12), row.integer(13), row.integer(14)};
  entry.lowest_price = row.optional_integer(15);
  entry.lowest_price_currency = row.optional_text(16).value_or("");
  entry.service_count = static_cast<int>(row.integer(17));
  return entry;
}

}  // namespace

DirectoryMatches search_specialists(Session& session, const DirectoryFilter& filter,
                                    const DirectoryWindow& window) {
  FreeOnSql free_on;
  if (filter.free_on && free_on_is_dense(session, *filter.free_on))
    free_on.plan = FreeOnPlan::probe_each;
  auto sql = search_sql(filter, session.dialect(), free_on);
  const auto& o = sql.order_by;
  if (window.after_id) {
    const auto anchor = sql.param(*window.after_id);
    sql.where +=
        " AND (" + o + ".sort_name, " + o +
        ".specialist_id) > ((SELECT sort_name FROM directory_entries WHERE specialist_id = " +
        anchor + "), " + anchor + ")";
  }
  const auto limit = sql.param(std::int64_t{window.limit + 1});  // one more: do more follow?
  const auto offset = sql.param(window.after_id ? std::int64_t{0} : window.offset);
  // Soonest first: by the next slot the index knows (a slot that has just
  // passed counts until the refresh a moment later moves it on).
  std::string soonest_columns, soonest_order, outer_order;
  if (window.soonest_at) {
    sql.from += " LEFT JOIN free_day_state nf ON nf.specialist_id = d.specialist_id";
    soonest_columns = ", CASE WHEN nf.next_at IS NULL THEN 1 ELSE 0 END AS none_free, nf.next_at";
    soonest_order = "none_free, nf.next_at, ";
    outer_order = "w.none_free, w.next_at, ";
  }
  // The window's ids first, from the ordering index alone (what an offset
  // skips is never joined), then their rows. PostgreSQL hash-joined the
  // profiles, reading all of them for a page of 20 (3.8 ms at 2,000
  // specialists, growing with them): a LATERAL subquery it cannot flatten
  // (LIMIT 1) makes it look each one up by its key.
  const std::string profiles = session.dialect() == Dialect::postgres
                                   ? " CROSS JOIN LATERAL (SELECT * FROM specialist_profiles p"
                                     " WHERE p.user_id = w.specialist_id LIMIT 1) p"
                                   : " JOIN specialist_profiles p ON p.user_id = w.specialist_id";
  const auto rows = session.query(
      "SELECT u.id, u.email, u.password_hash, u.name, u.role, u.timezone, u.created_at,"
      " u.updated_at, p.headline, p.bio, p.specialties, p.languages, p.photo_url, p.created_at,"
      " p.updated_at, d.price_from, d.price_currency, d.service_count"
      " FROM (SELECT " +
          o + ".sort_name, " + o + ".specialist_id" + soonest_columns + sql.from + sql.where +
          " ORDER BY " + soonest_order + o + ".sort_name, " + o + ".specialist_id LIMIT " + limit +
          " OFFSET " + offset +
          ") w JOIN directory_entries d ON d.specialist_id = w.specialist_id"
          " JOIN users u ON u.id = w.specialist_id" +
          profiles + " ORDER BY " + outer_order + "w.sort_name, w.specialist_id",
      sql.params);
  DirectoryMatches matches;
  for (const auto& row : rows) {
    if (matches.items.size() == static_cast<std::size_t>(window.limit)) {
      matches.more = true;
      break;
    }
    matches.items.push_back(entry_from_row(row));
  }
  return matches;
}

std::int64_t count_specialists(Session& session, const DirectoryFilter& filter) {
  const auto sql = search_sql(filter, session.dialect(), {FreeOnPlan::rows_first, true});
  return session.query_one("SELECT COUNT(*)" + sql.from + sql.where, sql.params)->integer(0);
}

std::int64_t directory_version(Session& session) {
  return session.query_one("SELECT version FROM directory_version WHERE id = 1")->integer(0);
}

bool is_listed(Session& session, const std::string& specialist_id) {
  return session
      .query_one("SELECT 1 FROM directory_entries WHERE specialist_id = $1", {specialist_id})
      .has_value();
}

}  // namespace confer::store
