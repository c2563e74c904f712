#pragma once
// One database interface with SQLite and PostgreSQL behind it. Repositories
// write their SQL once, with numbered parameters ($1, $2, …) that both engines
// accept, and run it through a Session inside Database::transaction().
// Every parameter passed must appear in the SQL: PostgreSQL cannot type an
// unused one.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/ports/storage_failure.hpp"

namespace confer::store {

enum class Dialect { sqlite, postgres };

// A parameter value. Booleans are stored as integers 0/1 on both engines.
using Param = std::variant<std::nullptr_t, std::int64_t, std::string>;
using Params = std::vector<Param>;

// "$1, $2, …, $n" for an IN list of `values`, appended to `params`:
// "IN (" + in_list(params, ids) + ")".
std::string in_list(Params& params, const std::vector<std::string>& values);

inline Param null_param() {
  return nullptr;
}
template <typename T>
Param optional_param(const std::optional<T>& value) {
  if (!value) return nullptr;
  if constexpr (std::is_integral_v<T>)
    return static_cast<std::int64_t>(*value);
  else
    return std::string(*value);
}

// A result row: every column as text (or NULL), read with typed accessors.
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> columns) : columns_(std::move(columns)) {}
  bool is_null(std::size_t i) const { return !columns_.at(i).has_value(); }
  const std::string& text(std::size_t i) const;  // throws on NULL
  std::optional<std::string> optional_text(std::size_t i) const { return columns_.at(i); }
  std::int64_t integer(std::size_t i) const;  // throws on NULL or non-numeric
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  bool boolean(std::size_t i) const { return integer(i) != 0; }
  std::size_t size() const { return columns_.size(); }
  // Columns [first, first + count) as a row of their own (one table's part of a join).
  Row slice(std::size_t first, std::size_t count) const {
    return Row({columns_.begin() + static_cast<std::ptrdiff_t>(first),
                columns_.begin() + static_cast<std::ptrdiff_t>(first + count)});
  }

 private:
  std::vector<std::optional<std::string>> columns_;
};

// Why a statement failed, in terms a use case can act on.
enum class DbErrorKind {
  unique_violation,     // a UNIQUE or PRIMARY KEY constraint
  exclusion_violation,  // PostgreSQL exclusion constraint (overlapping bookings)
  foreign_key_violation,
  check_violation,
  busy,  // lock or serialization failure that outlived the retries
  connection,
  storage_full,  // the disk (or the database's size limit) is full: nothing was written
  other,
};

// Thrown as app's StorageFailure to the layers above, which do not know the
// store: as_error() is from_db_error (store/db_errors.hpp).
class DbError : public app::ports::StorageFailure {
 public:
  DbError(DbErrorKind kind, const std::string& message, std::string constraint = {})
      : app::ports::StorageFailure(message), kind_(kind), constraint_(std::move(constraint)) {}
  DbErrorKind kind() const { return kind_; }
  app::Error as_error() const override;
  // The constraint or index name when the engine tells it (may be empty).
  const std::string& constraint() const { return constraint_; }

 private:
  DbErrorKind kind_;
  std::string constraint_;
};

// A connection in a transaction. Not thread-safe; used by one thread at a time.
class Session {
 public:
  virtual ~Session() = default;
  virtual std::vector<Row> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a statement and returns the number of rows it changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // A write whose result nobody reads (an INSERT of a new row): it may be sent
  // later, together with the next statement or the COMMIT, in one round trip
  // (PostgreSQL pipelines them; SQLite runs it at once). Its error, if any,
  // is thrown by that later call — still inside the same transaction.
  virtual void write_later(std::string_view sql, const Params& params = {}) {
    execute(sql, params);
  }
  // Runs several statements with no parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  virtual Dialect dialect() const = 0;

  std::optional<Row> query_one(std::string_view sql, const Params& params = {}) {
    auto rows = query(sql, params);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
};

enum class TxMode {
  read,   // reads only: SQLite runs it without taking the write lock
  write,  // SQLite: BEGIN IMMEDIATE, so writers are serialized from the first statement
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // Runs `work` in one transaction on a pooled connection: committed when it
  // returns, rolled back when it throws (the exception is passed on).
  virtual void transaction(TxMode mode, const std::function<void(Session&)>& work) = 0;
  // A number that differs from the last one this process read whenever any
  // connection of any process has committed to the database since; nullopt
  // when the engine cannot tell cheaply (PostgreSQL). Lets a cache skip its
  // own checks while nothing at all has been written.
  virtual std::optional<std::int64_t> change_counter() { return std::nullopt; }
  // Runs one statement outside any transaction (CREATE DATABASE, VACUUM).
  virtual void execute_standalone(std::string_view sql) = 0;
  // A short description safe to log (no password).
  virtual std::string describe() const = 0;
};

// Makes transactions that name the same (kind, subject) take turns from here
// to their end, so that a count they check and the row they add cannot both
// slip past a limit: a PostgreSQL advisory lock, sent with the next
// statement; SQLite's write transactions take turns anyway.
void serialize_on(Session& session, std::string_view kind, std::string_view subject);

// Opens SQLite for "sqlite:PATH", a bare path, or PostgreSQL for
// "postgresql://…" / "postgres://…". `pool_size` connections at most.
std::unique_ptr<Database> open_database(const std::string& url, int pool_size);

}  // namespace confer::store
