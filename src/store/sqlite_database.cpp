#include "store/sqlite_database.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <unordered_map>
#include <vector>

namespace confer::store {
namespace {

constexpr int busy_timeout_ms = 15000;

DbErrorKind classify(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return DbErrorKind::unique_violation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return DbErrorKind::foreign_key_violation;
    case SQLITE_CONSTRAINT_CHECK:
      return DbErrorKind::check_violation;
    default:
      break;
  }
  switch (extended_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbErrorKind::busy;
    case SQLITE_CANTOPEN:
      return DbErrorKind::connection;
    case SQLITE_FULL:
      return DbErrorKind::storage_full;
    default:
      return DbErrorKind::other;
  }
}

}  // namespace

class SqliteConnection final : public Session {
 public:
  SqliteConnection(const std::string& path, SqliteCheckpointer& checkpointer) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw DbError(DbErrorKind::connection, "cannot open SQLite database: " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY;"
        // Every connection re-reads pages another one changed; through a
        // memory map those reads cost a copy instead of a pread each.
        "PRAGMA mmap_size=0;");
    // The file grows in steps of 8 MiB, not page by page: every growth makes
    // each connection drop and redo its memory map.
    int chunk_bytes = 8 << 20;
    sqlite3_file_control(db_, "main", SQLITE_FCNTL_CHUNK_SIZE, &chunk_bytes);
    checkpointer.watch(db_);
  }

  ~SqliteConnection() override {
    for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.statement);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* statement = prepare(sql, params);
    std::vector<Row> rows;
    const int columns = sqlite3_column_count(statement);
    while (true) {
      int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(rc, statement);
      std::vector<std::optional<std::string>> values;
      values.reserve(columns);
      for (int i = 0; i < columns; ++i) {
        if (sqlite3_column_type(statement, i) == SQLITE_NULL) {
          values.emplace_back(std::nullopt);
        } else {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
          values.emplace_back(std::string(text, sqlite3_column_bytes(statement, i)));
        }
      }
      rows.emplace_back(std::move(values));
    }
    sqlite3_reset(statement);
    return rows;
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    sqlite3_stmt* statement = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail(rc, statement);
    sqlite3_reset(statement);
    return sqlite3_changes64(db_);
  }

  void execute_script(std::string_view sql) override {
    std::string script(sql);
    char* error = nullptr;
    int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw DbError(classify(sqlite3_extended_errcode(db_)), message);
    }
  }

 private:
  // A statement compiled once per connection, with where each numbered
  // parameter ($1, $2, …) binds: SQLite numbers named parameters in order of
  // appearance, so "$2 … $1" binds $2 first.
  struct Prepared {
    sqlite3_stmt* statement = nullptr;
    std::vector<int> slot_of;  // slot_of[i]: bind index of $(i+1), 0 when unused
  };

  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };

  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    auto found = statements_.find(sql);
    if (found == statements_.end()) {
      sqlite3_stmt* statement = nullptr;
      int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                  SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
      if (rc != SQLITE_OK)
        throw DbError(classify(rc), std::string("prepare failed: ") + sqlite3_errmsg(db_));
      found = statements_.emplace(std::string(sql), Prepared{statement, {}}).first;
    }
    auto& prepared = found->second;
    sqlite3_stmt* statement = prepared.statement;
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    while (prepared.slot_of.size() < params.size()) {
      const auto name = "$" + std::to_string(prepared.slot_of.size() + 1);
      prepared.slot_of.push_back(sqlite3_bind_parameter_index(statement, name.c_str()));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = prepared.slot_of[i];
      if (index == 0) continue;  // parameter not used by this statement
      const auto& param = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(param)) {
        rc = sqlite3_bind_null(statement, index);
      } else if (const auto* number = std::get_if<std::int64_t>(&param)) {
        rc = sqlite3_bind_int64(statement, index, *number);
      } else {
        const auto& text = std::get<std::string>(param);
        rc = sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                               SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) fail(rc, statement);
    }
    return statement;
  }

  [[noreturn]] void fail(int rc, sqlite3_stmt* statement) {
    std::string message = sqlite3_errmsg(db_);
    int extended = sqlite3_extended_errcode(db_);
    sqlite3_reset(statement);
    throw DbError(classify(extended ? extended : rc), message);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Prepared, TextHash, std::equal_to<>> statements_;
};

SqliteDatabase::SqliteDatabase(std::string path, int pool_size)
    : path_(std::move(path)), checkpointer_(path_), pool_(pool_size, [this] {
        return std::make_unique<SqliteConnection>(path_, checkpointer_);
      }) {
  auto parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  pool_.borrow();  // open one connection now, so a bad path fails at start-up
}

SqliteDatabase::~SqliteDatabase() = default;

void SqliteDatabase::transaction(TxMode mode, const std::function<void(Session&)>& work) {
  if (mode == TxMode::read) {
    auto connection = pool_.borrow();
    // Prepared once per connection and reused (a script would be parsed anew
    // on every transaction).
    connection->execute("BEGIN", {});
    try {
      work(*connection);
      connection->execute("COMMIT", {});
    } catch (...) {
      try {
        connection->execute_script("ROLLBACK");
      } catch (...) {
        connection.discard();  // leave no connection in an unknown state
      }
      throw;
    }
    return;
  }
  QueuedWrite mine;
  mine.work = &work;
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&mine);
  while (!mine.done) {
    if (batch_running_) {
      mine.wake.wait(lock);
      continue;
    }
    batch_running_ = true;
    std::vector<QueuedWrite*> batch;
    batch.swap(queue_);
    lock.unlock();
    run_together(batch);
    lock.lock();
    batch_running_ = false;
    for (auto* write : batch) {
      write->done = true;
      if (write != &mine) write->wake.notify_one();
    }
    // The first of those that queued meanwhile runs the next batch.
    if (!queue_.empty()) queue_.front()->wake.notify_one();
  }
  if (mine.error) std::rethrow_exception(mine.error);
}

void SqliteDatabase::run_together(const std::vector<QueuedWrite*>& batch) {
  auto fail_all = [&](const std::exception_ptr& error) {
    for (auto* write : batch)
      if (!write->error) write->error = error;
  };
  // The only writing connection of this process, so its page cache stays
  // valid from one batch to the next (any other connection's cache is
  // dropped whenever someone else has written).
  if (!writer_) {
    try {
      writer_ = std::make_unique<SqliteConnection>(path_, checkpointer_);
      writer_->execute_script("PRAGMA cache_size=-65536;");  // 64 MiB
    } catch (...) {
      writer_.reset();
      fail_all(std::current_exception());
      return;
    }
  }
  auto& connection = *writer_;
  auto roll_back = [&] {
    try {
      connection.execute_script("ROLLBACK");
    } catch (...) {
      writer_.reset();  // leave no connection in an unknown state
    }
  };
  try {
    connection.execute("BEGIN IMMEDIATE", {});
  } catch (...) {
    fail_all(std::current_exception());
    return;
  }
  const bool alone = batch.size() == 1;
  for (auto* write : batch) {
    try {
      if (!alone) connection.execute("SAVEPOINT queued_write", {});
      (*write->work)(connection);
      if (!alone) connection.execute("RELEASE queued_write", {});
    } catch (...) {
      write->error = std::current_exception();
      if (alone) {
        roll_back();
        return;
      }
      try {
        connection.execute("ROLLBACK TO queued_write", {});
        connection.execute("RELEASE queued_write", {});
      } catch (...) {
        // The transaction itself is gone (I/O error, full disk): nothing
        // of this batch is committed.
        fail_all(std::current_exception());
        roll_back();
        return;
      }
    }
  }
  try {
    connection.execute("COMMIT", {});
  } catch (...) {
    fail_all(std::current_exception());
    roll_back();
  }
}

std::optional<std::int64_t> SqliteDatabase::change_counter() {
  std::lock_guard lock(watcher_mutex_);
  try {
    if (!watcher_) watcher_ = std::make_unique<SqliteConnection>(path_, checkpointer_);
    return watcher_->query_one("PRAGMA data_version")->integer(0);
  } catch (const DbError&) {
    watcher_.reset();
    return std::nullopt;
  }
}

void SqliteDatabase::execute_standalone(std::string_view sql) {
  auto connection = pool_.borrow();
  connection->execute_script(sql);
}

}  // namespace confer::store
