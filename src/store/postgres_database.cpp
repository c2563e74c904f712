#include "store/postgres_database.hpp"

#include <libpq-fe.h>

#include <boost/url/parse.hpp>
#include <memory>
#include <unordered_map>

namespace confer::store {
namespace {

constexpr int max_attempts = 5;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

DbErrorKind classify(const char* sqlstate) {
  std::string_view code = sqlstate ? sqlstate : "";
  if (code == "23505") return DbErrorKind::unique_violation;
  if (code == "23P01") return DbErrorKind::exclusion_violation;
  if (code == "23503") return DbErrorKind::foreign_key_violation;
  if (code == "23514") return DbErrorKind::check_violation;
  if (code == "40001" || code == "40P01" || code == "55P03") return DbErrorKind::busy;
  if (code.starts_with("08")) return DbErrorKind::connection;
  return DbErrorKind::other;
}

void ignore_notice(void*, const char*) {}

}  // namespace

class PostgresConnection final : public Session {
 public:
  explicit PostgresConnection(const std::string& url) : connection_(PQconnectdb(url.c_str())) {
    if (!connection_ || PQstatus(connection_) != CONNECTION_OK) {
      std::string message = connection_ ? PQerrorMessage(connection_) : "out of memory";
      PQfinish(connection_);
      throw DbError(DbErrorKind::connection, "cannot connect to PostgreSQL: " + message);
    }
    PQsetNoticeProcessor(connection_, ignore_notice, nullptr);
    execute_script("SET TIME ZONE 'UTC'");
  }
  ~PostgresConnection() override { PQfinish(connection_); }

  Dialect dialect() const override { return Dialect::postgres; }
  bool healthy() const { return PQstatus(connection_) == CONNECTION_OK; }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    Result result = run(sql, params);
    std::vector<Row> rows;
    const int count = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    rows.reserve(count);
    for (int r = 0; r < count; ++r) {
      std::vector<std::optional<std::string>> values;
      values.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result.get(), r, c))
          values.emplace_back(std::nullopt);
        else
          values.emplace_back(
              std::string(PQgetvalue(result.get(), r, c), PQgetlength(result.get(), r, c)));
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    Result result = run(sql, params);
    const char* affected = PQcmdTuples(result.get());
    return (affected && *affected) ? std::stoll(affected) : 0;
  }

  void execute_script(std::string_view sql) override {
    std::string text(sql);
    Result result(PQexec(connection_, text.c_str()));
    check(result.get());
  }

 private:
  Result run(std::string_view sql, const Params& params) {
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
        storage[i] = std::to_string(*number);
        values[i] = storage[i].c_str();
      } else if (const auto* text = std::get_if<std::string>(&params[i])) {
        values[i] = text->c_str();
      }
    }
    // Each statement is parsed and planned once per connection, then reused.
    std::string text(sql);
    auto found = prepared_.find(text);
    if (found == prepared_.end()) {
      std::string name = "confer_" + std::to_string(prepared_.size());
      Result prepared(PQprepare(connection_, name.c_str(), text.c_str(),
                                static_cast<int>(params.size()), nullptr));
      check(prepared.get());
      found = prepared_.emplace(std::move(text), std::move(name)).first;
    }
    Result result(PQexecPrepared(connection_, found->second.c_str(),
                                 static_cast<int>(params.size()), values.data(), nullptr, nullptr,
                                 0));
    check(result.get());
    return result;
  }

  void check(PGresult* result) {
    auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    if (!result) throw DbError(DbErrorKind::connection, PQerrorMessage(connection_));
    const char* constraint = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME);
    throw DbError(classify(PQresultErrorField(result, PG_DIAG_SQLSTATE)),
                  PQresultErrorMessage(result), constraint ? constraint : "");
  }

  PGconn* connection_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text → statement name
};

PostgresDatabase::PostgresDatabase(std::string url, int pool_size)
    : url_(std::move(url)),
      pool_(pool_size, [this] { return std::make_unique<PostgresConnection>(url_); }) {
  pool_.borrow();  // connect once now, so a wrong URL fails at start-up
}

PostgresDatabase::~PostgresDatabase() = default;

std::string PostgresDatabase::describe() const {
  auto parsed = boost::urls::parse_uri(url_);
  if (!parsed) return "postgresql://(unparsable url)";
  return "postgresql://" + std::string(parsed->encoded_host_and_port()) +
         std::string(parsed->encoded_path());
}

void PostgresDatabase::transaction(TxMode mode, const std::function<void(Session&)>& work) {
  for (int attempt = 1;; ++attempt) {
    auto connection = pool_.borrow();
    if (!connection->healthy()) {
      connection.discard();
      continue;
    }
    try {
      connection->execute_script(mode == TxMode::write ? "BEGIN" : "BEGIN READ ONLY");
      work(*connection);
      connection->execute_script("COMMIT");
      return;
    } catch (const DbError& error) {
      bool broken = !connection->healthy();
      if (broken)
        connection.discard();
      else
        connection->execute_script("ROLLBACK");
      bool retry = (error.kind() == DbErrorKind::busy || error.kind() == DbErrorKind::connection) &&
                   attempt < max_attempts;
      if (!retry) throw;
    } catch (...) {
      if (connection->healthy())
        connection->execute_script("ROLLBACK");
      else
        connection.discard();
      throw;
    }
  }
}

void PostgresDatabase::execute_standalone(std::string_view sql) {
  auto connection = pool_.borrow();
  connection->execute_script(sql);
}

}  // namespace confer::store
