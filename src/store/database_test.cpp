#include "store/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "store/migrations.hpp"
#include "store/sqlite_checkpointer.hpp"
#include "store/testing/test_databases.hpp"

namespace confer::store {
namespace {

class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto engines = testing::available_engines();
    if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end())
      GTEST_SKIP() << GetParam() << " is not configured (set CONFER_TEST_POSTGRES_URL)";
    test_ = testing::make_test_database(GetParam());
  }
  Database& db() { return *test_->database; }
  std::unique_ptr<testing::TestDatabase> test_;
};

TEST_P(DatabaseTest, BindsNumberedParametersAndReadsTypedColumns) {
  db().transaction(TxMode::write, [](Session& s) {
    s.execute_script("CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT, note TEXT)");
    EXPECT_EQ(s.execute("INSERT INTO t (id, n, note) VALUES ($1, $2, $3)",
                        {std::string("a"), std::int64_t{42}, nullptr}),
              1);
    // The same parameter used twice, and parameters out of order.
    auto row = s.query_one("SELECT id, n, note FROM t WHERE n = $2 AND id = $1 AND $2 > 0",
                           {std::string("a"), std::int64_t{42}});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->text(0), "a");
    EXPECT_EQ(row->integer(1), 42);
    EXPECT_TRUE(row->is_null(2));
    EXPECT_EQ(row->optional_text(2), std::nullopt);
  });
}

TEST_P(DatabaseTest, RollsBackWhenTheWorkThrows) {
  db().transaction(TxMode::write,
                   [](Session& s) { s.execute_script("CREATE TABLE t (id TEXT PRIMARY KEY)"); });
  EXPECT_THROW(db().transaction(TxMode::write,
                                [](Session& s) {
                                  s.execute("INSERT INTO t (id) VALUES ($1)", {std::string("x")});
                                  throw std::runtime_error("changed my mind");
                                }),
               std::runtime_error);
  db().transaction(TxMode::read, [](Session& s) {
    EXPECT_EQ(s.query_one("SELECT COUNT(*) FROM t")->integer(0), 0);
  });
}

TEST_P(DatabaseTest, ReportsUniqueViolationsByKind) {
  db().transaction(TxMode::write,
                   [](Session& s) { s.execute_script("CREATE TABLE t (id TEXT PRIMARY KEY)"); });
  db().transaction(TxMode::write, [](Session& s) { s.execute("INSERT INTO t (id) VALUES ('x')"); });
  try {
    db().transaction(TxMode::write,
                     [](Session& s) { s.execute("INSERT INTO t (id) VALUES ('x')"); });
    FAIL() << "expected a unique violation";
  } catch (const DbError& error) {
    EXPECT_EQ(error.kind(), DbErrorKind::unique_violation);
  }
}

TEST_P(DatabaseTest, MigrationsAreAppliedOnceAndRecorded) {
  // make_test_database already migrated; a second run applies nothing.
  EXPECT_TRUE(migrate(db(), 1).empty());
  db().transaction(TxMode::read, [](Session& s) {
    auto count = s.query_one("SELECT COUNT(*) FROM schema_migrations")->integer(0);
    EXPECT_EQ(count, static_cast<std::int64_t>(migrations_for(s.dialect()).size()));
    EXPECT_EQ(s.query_one("SELECT COUNT(*) FROM users")->integer(0), 0);
  });
}

// Writers are serialized: concurrent read-modify-write transactions never
// lose an update, on either engine (SQLite: BEGIN IMMEDIATE; PostgreSQL: row lock).
TEST_P(DatabaseTest, ConcurrentWritersDoNotLoseUpdates) {
  db().transaction(TxMode::write, [](Session& s) {
    s.execute_script("CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
    s.execute("INSERT INTO counter (id, n) VALUES (1, 0)");
  });
  constexpr int threads = 4, increments = 25;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      for (int i = 0; i < increments; ++i)
        db().transaction(TxMode::write, [](Session& s) {
          auto n = s.query_one(s.dialect() == Dialect::postgres
                                   ? "SELECT n FROM counter WHERE id = 1 FOR UPDATE"
                                   : "SELECT n FROM counter WHERE id = 1")
                       ->integer(0);
          s.execute("UPDATE counter SET n = $1 WHERE id = 1", {n + 1});
        });
    });
  for (auto& worker : workers) worker.join();
  db().transaction(TxMode::read, [](Session& s) {
    EXPECT_EQ(s.query_one("SELECT n FROM counter")->integer(0), threads * increments);
  });
}

TEST_P(DatabaseTest, ConcurrentWritersThatFailRollBackAloneAndTheRestCommit) {
  // On SQLite concurrent write transactions are committed together, each in
  // its own savepoint: one that throws (or hits a constraint) must take back
  // only its own rows and get its own error, and the others must all commit.
  db().transaction(TxMode::write, [](Session& s) {
    s.execute_script("CREATE TABLE entries (id TEXT PRIMARY KEY, writer BIGINT NOT NULL)");
  });
  constexpr int threads = 8, rounds = 40;
  std::atomic<int> committed{0}, refused{0}, duplicates{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      for (int i = 0; i < rounds; ++i) {
        const auto id = std::to_string(t) + "-" + std::to_string(i);
        try {
          db().transaction(TxMode::write, [&](Session& s) {
            s.execute("INSERT INTO entries (id, writer) VALUES ($1, $2)", {id, std::int64_t{t}});
            // A second row that every writer tries once: only the first wins.
            if (i == 7)
              s.execute("INSERT INTO entries (id, writer) VALUES ('shared', $1)",
                        {std::int64_t{t}});
            if (i % 3 == 0) throw std::runtime_error("changed my mind");
          });
          ++committed;
        } catch (const DbError& error) {
          EXPECT_EQ(error.kind(), DbErrorKind::unique_violation);
          ++duplicates;
        } catch (const std::runtime_error&) {
          ++refused;
        }
      }
    });
  for (auto& worker : workers) worker.join();
  // i == 7 does not throw by itself, so exactly one writer commits 'shared'.
  EXPECT_EQ(duplicates.load(), threads - 1);
  EXPECT_EQ(refused.load(), threads * 14);  // i = 0, 3, …, 39
  EXPECT_EQ(committed.load(), threads * rounds - threads * 14 - (threads - 1));
  db().transaction(TxMode::read, [&](Session& s) {
    EXPECT_EQ(s.query_one("SELECT COUNT(*) FROM entries")->integer(0), committed.load() + 1);
    EXPECT_EQ(s.query_one("SELECT COUNT(*) FROM entries WHERE id LIKE '%-3'")->integer(0), 0);
    EXPECT_EQ(s.query_one("SELECT COUNT(*) FROM entries WHERE id LIKE '%-7'")->integer(0), 1);
  });
}

INSTANTIATE_TEST_SUITE_P(Engines, DatabaseTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST(SqliteChangeCounter, MovesWithEveryCommitFromAnyConnectionAndOnlyThen) {
  auto test = testing::make_test_database("sqlite");
  auto& db = *test->database;
  // A second Database on the same file stands for another process.
  auto other = open_database("sqlite:" + test->location + "/test.db", 2);
  db.transaction(TxMode::write,
                 [](Session& s) { s.execute_script("CREATE TABLE t (id TEXT PRIMARY KEY)"); });
  const auto before = db.change_counter();
  ASSERT_TRUE(before.has_value());
  db.transaction(TxMode::read, [](Session& s) { s.query("SELECT COUNT(*) FROM t"); });
  EXPECT_EQ(db.change_counter(), before) << "a read is not a change";
  db.transaction(TxMode::write, [](Session& s) { s.execute("INSERT INTO t (id) VALUES ('a')"); });
  const auto after_own = db.change_counter();
  EXPECT_NE(after_own, before) << "this process's own write";
  other->transaction(TxMode::write,
                     [](Session& s) { s.execute("INSERT INTO t (id) VALUES ('b')"); });
  EXPECT_NE(db.change_counter(), after_own) << "another process's write";
}

// Writes `megabytes` of 2 KB rows through the WAL from `threads` writers.
void write_blobs(Database& db, int threads, int megabytes) {
  const std::string body(2000, 'x');
  const int per_thread = megabytes * 500 / threads;
  std::vector<std::thread> writers;
  for (int t = 0; t < threads; ++t)
    writers.emplace_back([&] {
      for (int i = 0; i < per_thread; ++i)
        db.transaction(TxMode::write, [&](Session& s) {
          s.execute("INSERT INTO blobs (body) VALUES ($1)", {body});
        });
    });
  for (auto& writer : writers) writer.join();
}

constexpr std::uintmax_t wal_page_bytes = 4096 + 24;  // a page and its frame header

TEST(SqliteCheckpoints, KeepTheWalSmallUnderSteadyConcurrentWrites) {
  // Checkpoints run on a thread of their own, beside the writers: the WAL
  // must still be started over regularly instead of growing with the data.
  auto test = testing::make_test_database("sqlite");
  auto& db = *test->database;
  db.transaction(TxMode::write, [](Session& s) {
    s.execute_script("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  });
  write_blobs(db, 4, 100);  // three times the WAL's limit, through 4 writers
  const auto wal = std::filesystem::path(test->location) / "test.db-wal";
  ASSERT_TRUE(std::filesystem::exists(wal));
  // The committing writer's checkpoint can find the thread's under way and
  // leave it to the next commit, the more so on a busy machine: slack over
  // its threshold, still well under the 3× the WAL reaches without them.
  EXPECT_LT(std::filesystem::file_size(wal), SqliteCheckpointer::inline_pages * 2 * wal_page_bytes);
}

TEST(SqliteCheckpoints, TheThreadCopiesTheWalIntoTheDatabaseWithoutAnyWriterWaiting) {
  // 12 MB in transactions of 50 KB: a WAL past the thread's threshold but
  // short of the committing writer's, so only the thread can have copied
  // these rows into the database file.
  static_assert(SqliteCheckpointer::background_pages * 4096 < 12 << 20);
  static_assert(SqliteCheckpointer::inline_pages * 4096 > 2 * (12 << 20));
  auto test = testing::make_test_database("sqlite");
  auto& db = *test->database;
  db.transaction(TxMode::write, [](Session& s) {
    s.execute_script("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  });
  const auto file = std::filesystem::path(test->location) / "test.db";
  ASSERT_LT(std::filesystem::file_size(file), 1u << 20);
  const std::string body(2000, 'x');
  for (int i = 0; i < 250; ++i)
    db.transaction(TxMode::write, [&](Session& s) {
      for (int row = 0; row < 25; ++row) s.execute("INSERT INTO blobs (body) VALUES ($1)", {body});
    });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::filesystem::file_size(file) < (8u << 20) &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_GE(std::filesystem::file_size(file), 8u << 20) << "the rows are still only in the WAL";
}

TEST(Migrations, EveryEngineGetsEveryVersionInOrder) {
  auto sqlite = migrations_for(Dialect::sqlite);
  auto postgres = migrations_for(Dialect::postgres);
  ASSERT_FALSE(sqlite.empty());
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, static_cast<int>(i + 1)) << "versions must be 1, 2, 3, …";
    EXPECT_EQ(sqlite[i].version, postgres[i].version);
  }
}

}  // namespace
}  // namespace confer::store
