#include "jobs/worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "security/crypto.hpp"
#include "store/job_queue_adapter.hpp"
#include "store/job_repo.hpp"
#include "store/testing/test_databases.hpp"

namespace confer::jobs {
namespace {

TEST(Backoff, DoublesFromThirtySecondsUpToAnHour) {
  EXPECT_EQ(backoff_ms(1), 30'000);
  EXPECT_EQ(backoff_ms(2), 60'000);
  EXPECT_EQ(backoff_ms(3), 120'000);
  EXPECT_EQ(backoff_ms(8), 3'600'000);
  EXPECT_EQ(backoff_ms(100), 3'600'000);
}

// Handlers that record into plain containers run on the worker's own thread.
WorkerSettings one_at_a_time() {
  WorkerSettings settings;
  settings.concurrency = 1;
  return settings;
}

class WorkerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    security::init_crypto();
    auto engines = store::testing::available_engines();
    if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end())
      GTEST_SKIP() << GetParam() << " is not configured";
    test_ = store::testing::make_test_database(GetParam());
    queue_ = std::make_unique<store::JobQueueAdapter>(db());
  }

  store::Database& db() { return *test_->database; }
  app::ports::JobQueue& queue() { return *queue_; }

  std::string enqueue(const std::string& kind, std::int64_t run_at, int max_attempts = 3,
                      std::optional<std::string> booking_id = std::nullopt) {
    store::JobRecord job;
    job.id = security::new_uuid();
    job.kind = kind;
    job.booking_id = std::move(booking_id);
    job.run_at = run_at;
    job.max_attempts = max_attempts;
    job.created_at = clock_.now_ms();
    db().transaction(store::TxMode::write,
                     [&](store::Session& s) { store::JobRepo(s).enqueue({job}); });
    return job.id;
  }

  store::JobRecord job(const std::string& id) {
    std::optional<store::JobRecord> found;
    db().transaction(store::TxMode::read, [&](store::Session& s) {
      auto row =
          s.query_one("SELECT status, attempts, run_at, last_error FROM jobs WHERE id = $1", {id});
      found = store::JobRecord{};
      found->status = row->text(0);
      found->attempts = static_cast<int>(row->integer(1));
      found->run_at = row->integer(2);
      found->last_error = row->optional_text(3);
    });
    return *found;
  }

  app::FixedClock clock_{1'800'000'000'000};
  std::unique_ptr<store::testing::TestDatabase> test_;
  std::unique_ptr<store::JobQueueAdapter> queue_;
};

TEST_P(WorkerTest, RunsDueJobsOnlyAndInOrder) {
  Worker worker(queue(), clock_, "w1", one_at_a_time());
  std::vector<std::string> ran;
  worker.on("note", [&](const store::JobRecord& j) { ran.push_back(j.id); });
  auto later = enqueue("note", clock_.now_ms() + 60'000);
  auto second = enqueue("note", clock_.now_ms() - 10);
  auto first = enqueue("note", clock_.now_ms() - 20);
  EXPECT_EQ(worker.run_batch(), 2);
  EXPECT_EQ(worker.run_batch(), 0);
  EXPECT_EQ(ran, (std::vector<std::string>{first, second}));
  EXPECT_EQ(job(first).status, "done");
  EXPECT_EQ(job(second).status, "done");
  EXPECT_EQ(job(later).status, "queued");
  clock_.advance_ms(60'000);
  EXPECT_EQ(worker.run_batch(), 1);
  EXPECT_EQ(job(later).status, "done");
}

TEST_P(WorkerTest, ABatchTakesAtMostItsSizeOldestFirst) {
  WorkerSettings settings = one_at_a_time();
  settings.batch_size = 3;
  Worker worker(queue(), clock_, "w1", settings);
  std::vector<std::string> ran;
  worker.on("note", [&](const store::JobRecord& j) { ran.push_back(j.id); });
  std::vector<std::string> ids;
  for (int i = 0; i < 7; ++i) ids.push_back(enqueue("note", clock_.now_ms() - 100 + i));
  EXPECT_EQ(worker.run_batch(), 3);
  EXPECT_EQ(ran, (std::vector<std::string>(ids.begin(), ids.begin() + 3)));
  EXPECT_EQ(job(ids[3]).status, "queued");
  const auto backlog = queue().backlog(clock_.now_ms());
  EXPECT_EQ(backlog.due, 4);
  EXPECT_EQ(backlog.oldest_due_at, clock_.now_ms() - 97);
  EXPECT_EQ(worker.run_batch(), 3);
  EXPECT_EQ(worker.run_batch(), 1);
  EXPECT_EQ(ran, ids);
  EXPECT_EQ(queue().backlog(clock_.now_ms()).due, 0);
  EXPECT_FALSE(queue().backlog(clock_.now_ms()).oldest_due_at);
}

TEST_P(WorkerTest, JobsOfABatchRunSideBySideAndABookingsJobsInOrder) {
  WorkerSettings settings;
  settings.concurrency = 4;
  Worker worker(queue(), clock_, "w1", settings);
  // Four independent jobs: each waits until all four are inside their
  // handlers at once, which only happens when they run concurrently.
  std::mutex mutex;
  std::condition_variable all_inside;
  int inside = 0;
  bool met = false;
  worker.on("meet", [&](const store::JobRecord&) {
    std::unique_lock lock(mutex);
    if (++inside == 4) all_inside.notify_all();
    met = all_inside.wait_for(lock, std::chrono::seconds(10), [&] { return inside == 4; });
  });
  // One booking's three jobs: always in their order, never two at once.
  std::vector<std::string> booking_order;
  std::atomic<int> in_booking{0};
  std::atomic<bool> overlapped{false};
  worker.on("step", [&](const store::JobRecord& j) {
    if (in_booking++ > 0) overlapped = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    {
      std::lock_guard lock(mutex);
      booking_order.push_back(j.id);
    }
    --in_booking;
  });
  std::vector<std::string> steps;
  for (int i = 0; i < 3; ++i)
    steps.push_back(enqueue("step", clock_.now_ms() - 50 + i, 3, "booking-1"));
  for (int i = 0; i < 4; ++i) enqueue("meet", clock_.now_ms() - 40 + i);
  EXPECT_EQ(worker.run_batch(), 7);
  EXPECT_TRUE(met);
  EXPECT_FALSE(overlapped);
  EXPECT_EQ(booking_order, steps);
}

TEST_P(WorkerTest, OutcomesOfOneBatchAreRecordedEachAsItEnded) {
  Worker worker(queue(), clock_, "w1");
  worker.on("ok", [](const store::JobRecord&) {});
  worker.on("flaky", [](const store::JobRecord&) { throw std::runtime_error("SMTP said 451"); });
  worker.on("doomed", [](const store::JobRecord&) { throw PermanentFailure("no such booking"); });
  auto ok = enqueue("ok", clock_.now_ms());
  auto flaky = enqueue("flaky", clock_.now_ms());
  auto doomed = enqueue("doomed", clock_.now_ms());
  EXPECT_EQ(worker.run_batch(), 3);
  EXPECT_EQ(job(ok).status, "done");
  EXPECT_EQ(job(flaky).status, "queued");
  EXPECT_EQ(job(flaky).run_at, clock_.now_ms() + 30'000);
  EXPECT_EQ(job(flaky).last_error, "SMTP said 451");
  EXPECT_EQ(job(doomed).status, "dead");
  EXPECT_EQ(job(doomed).last_error, "no such booking");
}

TEST_P(WorkerTest, AFailingJobIsRetriedWithBackoffThenBuried) {
  Worker worker(queue(), clock_, "w1");
  int calls = 0;
  worker.on("flaky", [&](const store::JobRecord&) {
    ++calls;
    throw std::runtime_error("SMTP said 451");
  });
  auto id = enqueue("flaky", clock_.now_ms(), 3);
  EXPECT_EQ(worker.run_batch(), 1);
  EXPECT_EQ(job(id).status, "queued");
  EXPECT_EQ(job(id).run_at, clock_.now_ms() + 30'000);
  EXPECT_EQ(job(id).last_error, "SMTP said 451");
  EXPECT_EQ(worker.run_batch(), 0);  // not due yet
  clock_.advance_ms(30'000);
  EXPECT_EQ(worker.run_batch(), 1);
  EXPECT_EQ(job(id).run_at, clock_.now_ms() + 60'000);
  clock_.advance_ms(60'000);
  EXPECT_EQ(worker.run_batch(), 1);
  EXPECT_EQ(job(id).status, "dead");
  EXPECT_EQ(calls, 3);
  clock_.advance_ms(3'600'000);
  EXPECT_EQ(worker.run_batch(), 0);
}

TEST_P(WorkerTest, PermanentFailuresAndUnknownKindsAreBuriedAtOnce) {
  Worker worker(queue(), clock_, "w1");
  worker.on("doomed", [](const store::JobRecord&) { throw PermanentFailure("no such booking"); });
  auto doomed = enqueue("doomed", clock_.now_ms());
  auto unknown = enqueue("mystery", clock_.now_ms());
  EXPECT_EQ(worker.run_batch(), 2);
  EXPECT_EQ(job(doomed).status, "dead");
  EXPECT_EQ(job(doomed).last_error, "no such booking");
  EXPECT_EQ(job(unknown).status, "dead");
}

TEST_P(WorkerTest, AJobWhoseWorkerDiedIsTakenAgainWhenItsLeaseRunsOut) {
  auto id = enqueue("note", clock_.now_ms());
  // A worker claims the job and is killed before finishing it.
  db().transaction(store::TxMode::write, [&](store::Session& s) {
    ASSERT_EQ(
        store::JobRepo(s).claim_due(clock_.now_ms(), clock_.now_ms() + 300'000, "dead", 10).size(),
        1u);
  });
  Worker worker(queue(), clock_, "w2");
  int calls = 0;
  worker.on("note", [&](const store::JobRecord&) { ++calls; });
  EXPECT_EQ(worker.run_batch(), 0);  // still leased
  clock_.advance_ms(300'001);
  EXPECT_EQ(worker.run_batch(), 1);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(job(id).status, "done");
  EXPECT_EQ(job(id).attempts, 2);
}

TEST_P(WorkerTest, ConcurrentWorkersRunEachJobExactlyOnce) {
  constexpr int jobs = 60;
  for (int i = 0; i < jobs; ++i) enqueue("count", clock_.now_ms() - i);
  std::mutex mutex;
  std::multiset<std::string> ran;
  std::vector<std::jthread> threads;
  std::vector<std::unique_ptr<Worker>> workers;
  WorkerSettings small_batches;
  small_batches.batch_size = 4;
  for (int w = 0; w < 4; ++w) {
    workers.push_back(
        std::make_unique<Worker>(queue(), clock_, "w" + std::to_string(w), small_batches));
    workers.back()->on("count", [&](const store::JobRecord& j) {
      std::lock_guard lock(mutex);
      ran.insert(j.id);
    });
  }
  for (auto& worker : workers)
    threads.emplace_back([&worker] {
      while (worker->run_batch() > 0) {
      }
    });
  threads.clear();
  EXPECT_EQ(ran.size(), static_cast<std::size_t>(jobs));
  EXPECT_EQ(std::set<std::string>(ran.begin(), ran.end()).size(), static_cast<std::size_t>(jobs));
}

INSTANTIATE_TEST_SUITE_P(Engines, WorkerTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace confer::jobs
