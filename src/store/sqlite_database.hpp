#pragma once
// SQLite behind the Database interface: WAL journal, foreign keys on, a busy
// timeout, cached prepared statements per connection. Write transactions start
// with BEGIN IMMEDIATE, so writers — also from other processes on the same
// file — are serialized and a check-then-insert inside one is race-free.
//
// Group commit: the write transactions of this process that wait while one
// runs are run together next, one after the other in one SQLite transaction,
// each inside its own savepoint. One that throws is rolled back to its
// savepoint and gets its exception; the others commit together, and none
// returns before that commit. Each still sees everything committed before it,
// so the result is the same as running them one by one — with one commit (and
// one write of each shared page) instead of several.
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/connection_pool.hpp"
#include "store/database.hpp"
#include "store/sqlite_checkpointer.hpp"

namespace confer::store {

class SqliteConnection;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, int pool_size);
  ~SqliteDatabase() override;
  Dialect dialect() const override { return Dialect::sqlite; }
  void transaction(TxMode mode, const std::function<void(Session&)>& work) override;
  void execute_standalone(std::string_view sql) override;
  // PRAGMA data_version on a connection of its own that never writes: it
  // changes with every commit made by any other connection, in any process.
  std::optional<std::int64_t> change_counter() override;
  std::string describe() const override { return "sqlite:" + path_; }

 private:
  struct QueuedWrite {
    const std::function<void(Session&)>* work = nullptr;
    std::exception_ptr error;
    bool done = false;
    // Woken alone: when its batch has committed, or to run the next batch.
    std::condition_variable wake;
  };
  void run_together(const std::vector<QueuedWrite*>& batch);

  std::string path_;
  SqliteCheckpointer checkpointer_;  // outlives the connections that signal it
  ConnectionPool<SqliteConnection> pool_;
  std::unique_ptr<SqliteConnection> writer_;  // used by the running batch only
  std::mutex watcher_mutex_;
  std::unique_ptr<SqliteConnection> watcher_;  // change_counter() only
  // Writers of this process queue here, in order, instead of in SQLite's
  // busy handler, which sleeps with growing back-off; the busy timeout then
  // only covers writers in other processes. The first to find no batch
  // running runs everything queued. Each waiter has its own wake-up, so a
  // batch's end wakes its own writers and the next leader, not every waiter.
  std::mutex queue_mutex_;
  std::vector<QueuedWrite*> queue_;
  bool batch_running_ = false;
};

}  // namespace confer::store
