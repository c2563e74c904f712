#include "jobs/worker.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "log.hpp"

namespace confer::jobs {

std::int64_t backoff_ms(int attempts) {
  constexpr std::int64_t first = 30'000, cap = 3'600'000;
  const int doublings = std::clamp(attempts - 1, 0, 20);
  return std::min(cap, first << doublings);
}

bool Worker::run_one() {
  const auto claimed_at = clock_.now_ms();
  const auto job = queue_.claim_next(claimed_at, claimed_at + settings_.lease_ms, name_);
  if (!job) return false;

  std::string error;
  bool permanent = false;
  if (job->attempts > job->max_attempts) {
    // Its earlier runs all died mid-way (lease expired each time).
    error = "gave up after " + std::to_string(job->max_attempts) + " attempts";
    permanent = true;
  } else if (auto handler = handlers_.find(job->kind); handler == handlers_.end()) {
    error = "no handler for job kind " + job->kind;
    permanent = true;
  } else {
    try {
      handler->second(*job);
    } catch (const PermanentFailure& failure) {
      error = failure.what();
      permanent = true;
    } catch (const std::exception& failure) {
      error = failure.what();
      if (error.empty()) error = "failed";
    }
  }

  const auto now = clock_.now_ms();
  if (error.empty())
    queue_.finish(job->id, now);
  else if (permanent || job->attempts >= job->max_attempts)
    queue_.bury(job->id, error, now);
  else
    queue_.retry_at(job->id, now + backoff_ms(job->attempts), error, now);
  if (!error.empty())
    log::warn("job_failed", {{"job", job->id},
                             {"kind", job->kind},
                             {"attempt", job->attempts},
                             {"final", permanent || job->attempts >= job->max_attempts},
                             {"error", error}});
  return true;
}

void Worker::run(std::stop_token stop) {
  std::mutex mutex;
  std::condition_variable_any wake;
  while (!stop.stop_requested()) {
    bool ran = false;
    try {
      ran = run_one();
    } catch (const std::exception& failure) {
      // The database is away (restarting, locked): wait and try again.
      log::warn("job_worker_error", {{"worker", name_}, {"error", failure.what()}});
    }
    if (ran) continue;
    std::unique_lock lock(mutex);
    wake.wait_for(lock, stop, std::chrono::milliseconds(settings_.idle_poll_ms),
                  [] { return false; });
  }
}

}  // namespace confer::jobs
