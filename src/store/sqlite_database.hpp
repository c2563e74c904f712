#pragma once
// SQLite behind the Database interface: WAL journal, foreign keys on, a busy
// timeout, cached prepared statements per connection. Write transactions start
// with BEGIN IMMEDIATE, so writers — also from other processes on the same
// file — are serialized and a check-then-insert inside one is race-free.
#include <mutex>
#include <string>

#include "store/connection_pool.hpp"
#include "store/database.hpp"

namespace confer::store {

class SqliteConnection;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, int pool_size);
  ~SqliteDatabase() override;
  Dialect dialect() const override { return Dialect::sqlite; }
  void transaction(TxMode mode, const std::function<void(Session&)>& work) override;
  void execute_standalone(std::string_view sql) override;
  std::string describe() const override { return "sqlite:" + path_; }

 private:
  std::string path_;
  ConnectionPool<SqliteConnection> pool_;
  // Writers of this process queue here, in order, instead of in SQLite's
  // busy handler, which sleeps with growing back-off; the busy timeout then
  // only covers writers in other processes.
  std::mutex write_lock_;
};

}  // namespace confer::store
