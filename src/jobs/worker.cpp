#include "jobs/worker.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "log.hpp"

namespace confer::jobs {

using app::ports::JobOutcome;

std::int64_t backoff_ms(int attempts) {
  constexpr std::int64_t first = 30'000, cap = 3'600'000;
  const int doublings = std::clamp(attempts - 1, 0, 20);
  return std::min(cap, first << doublings);
}

namespace {

// The jobs of a batch as runs that may go side by side: a booking's jobs
// stay together in their order (its confirmation goes before its
// cancellation), every other job is a run of its own.
std::vector<std::vector<std::size_t>> independent_runs(const std::vector<app::JobRecord>& jobs) {
  std::vector<std::vector<std::size_t>> runs;
  std::unordered_map<std::string, std::size_t> run_of_booking;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (!jobs[i].booking_id) {
      runs.push_back({i});
      continue;
    }
    auto [found, added] = run_of_booking.try_emplace(*jobs[i].booking_id, runs.size());
    if (added) runs.emplace_back();
    runs[found->second].push_back(i);
  }
  return runs;
}

}  // namespace

JobOutcome Worker::run_job(const app::JobRecord& job) const {
  std::string error;
  bool permanent = false;
  if (job.attempts > job.max_attempts) {
    // Its earlier runs all died mid-way (lease expired each time).
    error = "gave up after " + std::to_string(job.max_attempts) + " attempts";
    permanent = true;
  } else if (auto handler = handlers_.find(job.kind); handler == handlers_.end()) {
    error = "no handler for job kind " + job.kind;
    permanent = true;
  } else {
    try {
      handler->second(job);
    } catch (const PermanentFailure& failure) {
      error = failure.what();
      permanent = true;
    } catch (const std::exception& failure) {
      error = failure.what();
      if (error.empty()) error = "failed";
    }
  }
  if (error.empty()) return {job.id, JobOutcome::Kind::done, 0, {}};
  const bool final = permanent || job.attempts >= job.max_attempts;
  log::warn("job_failed", {{"job", job.id},
                           {"kind", job.kind},
                           {"attempt", job.attempts},
                           {"final", final},
                           {"error", error}});
  if (final) return {job.id, JobOutcome::Kind::dead, 0, error};
  return {job.id, JobOutcome::Kind::retry, clock_.now_ms() + backoff_ms(job.attempts), error};
}

std::vector<JobOutcome> Worker::run_all(const std::vector<app::JobRecord>& jobs) const {
  std::vector<JobOutcome> outcomes(jobs.size());
  const auto runs = independent_runs(jobs);
  std::atomic<std::size_t> next_run{0};
  auto take_runs = [&] {
    for (auto r = next_run++; r < runs.size(); r = next_run++)
      for (auto i : runs[r]) outcomes[i] = run_job(jobs[i]);
  };
  const auto helpers =
      std::min<std::size_t>(runs.size(),
                            static_cast<std::size_t>(std::max(1, settings_.concurrency))) -
      1;
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 0; t < helpers; ++t) threads.emplace_back(take_runs);
    take_runs();
  }  // joined: every outcome is in
  return outcomes;
}

int Worker::run_batch() {
  const auto claimed_at = clock_.now_ms();
  const auto jobs = queue_.claim_due(claimed_at, claimed_at + settings_.lease_ms, name_,
                                     std::max(1, settings_.batch_size));
  if (jobs.empty()) return 0;
  queue_.record(run_all(jobs), clock_.now_ms());
  if (jobs.size() >= static_cast<std::size_t>(settings_.batch_size)) log_backlog_now_and_then();
  return static_cast<int>(jobs.size());
}

// A full batch hints that more are waiting: say how many and for how long,
// at most every backlog_log_ms, so a queue that falls behind shows in the log.
void Worker::log_backlog_now_and_then() {
  const auto now = clock_.now_ms();
  if (settings_.backlog_log_ms <= 0 || now - backlog_logged_at_ < settings_.backlog_log_ms) return;
  backlog_logged_at_ = now;
  const auto backlog = queue_.backlog(now);
  if (backlog.due == 0) return;
  log::info("job_backlog", {{"worker", name_},
                            {"due", backlog.due},
                            {"oldestDueAgeMs", now - backlog.oldest_due_at.value_or(now)}});
}

void Worker::run(std::stop_token stop) {
  std::mutex mutex;
  std::condition_variable_any wake;
  while (!stop.stop_requested()) {
    int ran = 0;
    try {
      ran = run_batch();
    } catch (const std::exception& failure) {
      // The database is away (restarting, locked): wait and try again.
      log::warn("job_worker_error", {{"worker", name_}, {"error", failure.what()}});
    }
    if (ran > 0) continue;
    std::unique_lock lock(mutex);
    wake.wait_for(lock, stop, std::chrono::milliseconds(settings_.idle_poll_ms),
                  [] { return false; });
  }
}

}  // namespace confer::jobs
