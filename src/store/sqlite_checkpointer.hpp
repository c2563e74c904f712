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

  // WAL size (in 4 KiB pages) at which a commit asks the thread for a
  // checkpoint. Pages rewritten between checkpoints (the last leaf of every
  // growing index, at every commit) are copied once per checkpoint, so
  // fewer, larger checkpoints copy less: the booking benchmark made ~15%
  // more bookings a second with these figures than with 1000 and 2000.
  static constexpr int background_pages = 2000;
  // Past this the committing connection checkpoints too, in its commit. The
  // thread's checkpoints run beside new commits, so they rarely catch the
  // WAL's very end, and only a checkpoint that does lets the next writer
  // start the WAL over; by now the thread has copied most pages, so this
  // one is short, and the WAL stays under 32 MiB.
  static constexpr int inline_pages = 4 * background_pages;

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
