#include "store/sqlite_checkpointer.hpp"

#include <sqlite3.h>

namespace confer::store {

SqliteCheckpointer::SqliteCheckpointer(std::string path)
    : path_(std::move(path)), thread_([this] { run(); }) {}

SqliteCheckpointer::~SqliteCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wanted_.notify_one();
  thread_.join();
}

void SqliteCheckpointer::watch(sqlite3* connection) {
  // Replaces SQLite's automatic checkpoint, which is itself a WAL hook.
  sqlite3_wal_hook(connection, &SqliteCheckpointer::on_commit, this);
}

int SqliteCheckpointer::on_commit(void* self, sqlite3* connection, const char* schema,
                                  int wal_pages) {
  if (wal_pages >= inline_pages)
    sqlite3_wal_checkpoint_v2(connection, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  else if (wal_pages >= background_pages)
    static_cast<SqliteCheckpointer*>(self)->request();
  return SQLITE_OK;
}

void SqliteCheckpointer::request() {
  {
    std::lock_guard lock(mutex_);
    if (requested_) return;
    requested_ = true;
  }
  wanted_.notify_one();
}

void SqliteCheckpointer::run() {
  sqlite3* db = nullptr;
  std::unique_lock lock(mutex_);
  while (true) {
    wanted_.wait(lock, [&] { return requested_ || stopping_; });
    if (stopping_) break;
    requested_ = false;
    lock.unlock();
    if (!db && sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                               nullptr) != SQLITE_OK) {
      sqlite3_close(db);  // the next commit asks again; the inline limit still holds
      db = nullptr;
    }
    if (db) {
      sqlite3_busy_timeout(db, 100);
      // A connection finds the WAL only when it first reads the database;
      // until then a checkpoint through it does nothing (and says so only
      // by a frame count of -1).
      sqlite3_exec(db, "SELECT 1 FROM sqlite_schema LIMIT 1", nullptr, nullptr, nullptr);
      sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    lock.lock();
  }
  lock.unlock();
  sqlite3_close(db);
}

}  // namespace confer::store
