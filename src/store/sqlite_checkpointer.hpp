#pragma once
// Moves SQLite's WAL checkpoints off the write path. By default the
// connection whose commit pushes the WAL past 1000 pages copies them into the
// database file and fsyncs it, inside that commit — while every other writer
// waits. Here the commit only signals, and a thread with its own connection
// runs a PASSIVE checkpoint, which never blocks readers or writers. At twice
// the threshold the committing connection finishes the job (see the .cpp).
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace confer::store {

class SqliteCheckpointer {
 public:
  explicit SqliteCheckpointer(std::string path);
  ~SqliteCheckpointer();
  SqliteCheckpointer(const SqliteCheckpointer&) = delete;
  SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

  // Installs the commit hook on a connection of this database.
  void watch(sqlite3* connection);

 private:
  static int on_commit(void* self, sqlite3* connection, const char* schema, int wal_pages);
  void request();
  void run();

  std::string path_;
  std::mutex mutex_;
  std::condition_variable wanted_;
  bool requested_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace confer::store
