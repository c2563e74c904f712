#include "store/database.hpp"

#include <charconv>

#include "store/db_errors.hpp"
#include "store/postgres_database.hpp"
#include "store/sqlite_database.hpp"

namespace confer::store {

app::Error DbError::as_error() const {
  return from_db_error(*this);
}

const std::string& Row::text(std::size_t i) const {
  const auto& column = columns_.at(i);
  if (!column) throw std::logic_error("column " + std::to_string(i) + " is NULL");
  return *column;
}

std::int64_t Row::integer(std::size_t i) const {
  const auto& value = text(i);
  std::int64_t result = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), result);
  if (error != std::errc{} || end != value.data() + value.size())
    throw std::logic_error("column " + std::to_string(i) + " is not an integer");
  return result;
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

void serialize_on(Session& session, std::string_view kind, std::string_view subject) {
  if (session.dialect() != Dialect::postgres) return;
  // The two-key form keeps these apart from the migrator's one-key lock.
  session.write_later("SELECT pg_advisory_xact_lock(7242002, hashtext($1))",
                      {std::string(kind) + " " + std::string(subject)});
}

std::unique_ptr<Database> open_database(const std::string& url, int pool_size) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return std::make_unique<PostgresDatabase>(url, pool_size);
  std::string path = url;
  if (path.starts_with("sqlite://"))
    path = path.substr(9);
  else if (path.starts_with("sqlite:"))
    path = path.substr(7);
  return std::make_unique<SqliteDatabase>(path, pool_size);
}

std::string in_list(Params& params, const std::vector<std::string>& values) {
  std::string list;
  for (const auto& value : values) {
    params.emplace_back(value);
    list += (list.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  return list;
}

}  // namespace confer::store
