#include "store/migrations.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "embedded_files.hpp"
#include "store/directory_index.hpp"

namespace confer::store {
namespace {

struct Variants {
  std::string name;
  std::string common, sqlite, postgres;
};

// "0003_bookings.pg.sql" → version 3, name "bookings", variant "pg".
bool split_file_name(std::string_view file, int& version, std::string& name, std::string& variant) {
  if (!file.ends_with(".sql") || file.size() < 9) return false;
  auto digits = file.substr(0, 4);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      file[4] != '_')
    return false;
  version = std::stoi(std::string(digits));
  auto stem = file.substr(5, file.size() - 5 - 4);
  variant.clear();
  for (std::string_view suffix : {".sqlite", ".pg"}) {
    if (stem.ends_with(suffix)) {
      variant = suffix.substr(1);
      stem.remove_suffix(suffix.size());
    }
  }
  name = std::string(stem);
  return true;
}

// Data a version's SQL cannot write well in both dialects, written by the
// same code that keeps it afterwards, in the version's transaction.
void fill_data(int version, Session& session) {
  if (version == 17) rebuild_directory(session);
}

}  // namespace

std::vector<Migration> migrations_for(Dialect dialect) {
  std::map<int, Variants> by_version;
  for (const auto& file : embedded_files()) {
    int version = 0;
    std::string name, variant;
    if (!split_file_name(file.name, version, name, variant)) continue;
    auto& entry = by_version[version];
    entry.name = name;
    std::string sql(file.contents);
    if (variant == "sqlite")
      entry.sqlite = sql;
    else if (variant == "pg")
      entry.postgres = sql;
    else
      entry.common = sql;
  }
  std::vector<Migration> result;
  for (auto& [version, entry] : by_version) {
    const std::string& specific = dialect == Dialect::sqlite ? entry.sqlite : entry.postgres;
    result.push_back({version, entry.name, entry.common + "\n" + specific});
  }
  return result;
}

std::vector<int> migrate(Database& database, std::int64_t now_ms) {
  std::vector<int> applied;
  const auto dialect = database.dialect();
  for (const auto& migration : migrations_for(dialect)) {
    database.transaction(TxMode::write, [&](Session& session) {
      if (dialect == Dialect::postgres)
        session.query("SELECT pg_advisory_xact_lock(7242001)");  // one migrator at a time
      session.execute_script(
          "CREATE TABLE IF NOT EXISTS schema_migrations ("
          " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      if (session.query_one("SELECT 1 FROM schema_migrations WHERE version = $1",
                            {std::int64_t{migration.version}}))
        return;
      if (!migration.sql.empty()) session.execute_script(migration.sql);
      fill_data(migration.version, session);
      session.execute(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
          {std::int64_t{migration.version}, migration.name, now_ms});
      applied.push_back(migration.version);
    });
  }
  return applied;
}

}  // namespace confer::store
