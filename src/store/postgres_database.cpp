#include "store/postgres_database.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <memory>
#include <optional>
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
  // 57P01–57P03: the server shuts down, crashed or is starting up (a restart).
  if (code.starts_with("57P")) return DbErrorKind::connection;
  if (code == "53100") return DbErrorKind::storage_full;  // disk_full
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

  void write_later(std::string_view sql, const Params& params) override {
    pending_.push_back({std::string(sql), params});
  }
  // Forgets postponed writes (the transaction is being rolled back anyway).
  void drop_pending() { pending_.clear(); }

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
    if (!pending_.empty()) run_pending(nullptr);
    std::string text(sql);
    Result result(PQexec(connection_, text.c_str()));
    check(result.get());
  }

 private:
  struct Statement {
    std::string sql;
    Params params;
  };

  // Parameter values as libpq wants them: text, or null pointers for NULL.
  struct Values {
    explicit Values(const Params& params) : storage(params.size()), pointers(params.size()) {
      for (std::size_t i = 0; i < params.size(); ++i) {
        if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
          storage[i] = std::to_string(*number);
          pointers[i] = storage[i].c_str();
        } else if (const auto* text = std::get_if<std::string>(&params[i])) {
          pointers[i] = text->c_str();
        }
      }
    }
    std::vector<std::string> storage;
    std::vector<const char*> pointers;
  };

  Result run(std::string_view sql, const Params& params) {
    if (!pending_.empty()) {
      Statement last{std::string(sql), params};
      return run_pending(&last);
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
    Values values(params);
    Result result(PQexecPrepared(connection_, found->second.c_str(),
                                 static_cast<int>(params.size()), values.pointers.data(), nullptr,
                                 nullptr, 0));
    check(result.get());
    return result;
  }

  // Sends the postponed writes, then `last` (if any), in one pipeline: one
  // round trip instead of one per statement. The first error stops the rest
  // (PostgreSQL skips them until the sync) and is thrown; `last`'s result is
  // returned.
  Result run_pending(const Statement* last) {
    std::vector<Statement> batch;
    batch.swap(pending_);
    if (last) batch.push_back(*last);
    if (PQenterPipelineMode(connection_) != 1)
      throw DbError(DbErrorKind::connection, PQerrorMessage(connection_));
    // What was sent, in order: a Parse for a statement not prepared yet
    // (index into `fresh`), or an execution (-1).
    std::vector<int> sent;
    std::vector<std::string> fresh;
    std::vector<Values> values;
    values.reserve(batch.size());
    auto name_of = [&](const std::string& sql) {
      if (auto found = prepared_.find(sql); found != prepared_.end()) return found->second;
      auto at = std::find(fresh.begin(), fresh.end(), sql);
      if (at == fresh.end()) {
        const auto name = "confer_" + std::to_string(prepared_.size() + fresh.size());
        PQsendPrepare(connection_, name.c_str(), sql.c_str(), 0, nullptr);
        sent.push_back(static_cast<int>(fresh.size()));
        fresh.push_back(sql);
        return name;
      }
      return "confer_" + std::to_string(prepared_.size() + (at - fresh.begin()));
    };
    for (const auto& statement : batch) {
      const auto name = name_of(statement.sql);
      values.emplace_back(statement.params);
      PQsendQueryPrepared(connection_, name.c_str(), static_cast<int>(statement.params.size()),
                          values.back().pointers.data(), nullptr, nullptr, 0);
      sent.push_back(-1);
    }
    PQpipelineSync(connection_);
    Result answer;
    std::optional<DbError> failure;
    const auto known = prepared_.size();
    // Results come in the order sent, with nulls between commands, and end
    // with the sync's own result. Two nulls in a row: the connection is gone.
    std::size_t next = 0;
    int nulls = 0;
    while (true) {
      Result result(PQgetResult(connection_));
      if (!result) {
        if (++nulls > 1) {
          if (!failure) failure = DbError(DbErrorKind::connection, PQerrorMessage(connection_));
          break;
        }
        continue;
      }
      nulls = 0;
      const auto status = PQresultStatus(result.get());
      if (status == PGRES_PIPELINE_SYNC) break;
      const int command = next < sent.size() ? sent[next++] : -1;
      if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        if (command >= 0)
          prepared_.emplace(fresh[command], "confer_" + std::to_string(known + command));
        else
          answer = std::move(result);
      } else if (status != PGRES_PIPELINE_ABORTED && !failure) {
        try {
          check(result.get());
        } catch (const DbError& error) {
          failure = error;
        }
      }
    }
    while (Result rest{PQgetResult(connection_)}) {
    }
    if (PQexitPipelineMode(connection_) != 1 && !failure)
      failure = DbError(DbErrorKind::connection, PQerrorMessage(connection_));
    if (failure) throw *failure;
    return answer;
  }

  void check(PGresult* result) {
    auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    if (!result) throw DbError(DbErrorKind::connection, PQerrorMessage(connection_));
    const char* constraint = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME);
    // A connection the server closed (a restart) fails with no SQLSTATE.
    auto kind = PQstatus(connection_) == CONNECTION_BAD
                    ? DbErrorKind::connection
                    : classify(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    throw DbError(kind, PQresultErrorMessage(result), constraint ? constraint : "");
  }

  PGconn* connection_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text → statement name
  std::vector<Statement> pending_;                         // write_later, not sent yet
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
      // BEGIN travels with the first statement, the postponed writes with
      // COMMIT: a short booking transaction is two or three round trips.
      connection->write_later(mode == TxMode::write ? "BEGIN" : "BEGIN READ ONLY", {});
      work(*connection);
      connection->execute("COMMIT", {});
      return;
    } catch (const DbError& error) {
      bool broken = !connection->healthy();
      connection->drop_pending();
      if (broken)
        connection.discard();
      else
        connection->execute_script("ROLLBACK");
      bool retry = (error.kind() == DbErrorKind::busy || error.kind() == DbErrorKind::connection) &&
                   attempt < max_attempts;
      if (!retry) throw;
    } catch (...) {
      connection->drop_pending();
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
