#pragma once
// Runs durable jobs: claims a batch of due jobs with a lease, runs them on a
// few threads at once (a booking's own jobs one after another, in order),
// hands each to the handler registered for its kind, and records the
// outcomes together — done, a retry after an exponentially growing delay, or
// dead after max_attempts. Two transactions per batch instead of two per job,
// and sending (SMTP, HTTP) overlapped: the queue drains faster than bookings
// fill it. Workers run inside `confer serve` and as `confer worker`, any
// number of them over one database.
#include <cstdint>
#include <map>
#include <stop_token>
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/job_handler.hpp"
#include "app/ports/job_queue.hpp"

namespace confer::jobs {

// The handler's types live in app (app/job_handler.hpp); these names stay.
using PermanentFailure = app::PermanentFailure;
using Handler = app::JobHandler;

// The wait before attempt `attempts + 1`: 30 s, 1 min, 2 min, … capped at an hour.
std::int64_t backoff_ms(int attempts);

struct WorkerSettings {
  std::int64_t lease_ms = 5 * 60'000;  // a batch running longer is presumed dead
  std::int64_t idle_poll_ms = 1000;
  int batch_size = 32;  // jobs claimed in one transaction
  int concurrency = 4;  // jobs of a batch run at once (handlers wait on the network)
  // How often a worker with due jobs left behind logs the backlog (0: never).
  std::int64_t backlog_log_ms = 10'000;
};

class Worker {
 public:
  // Over the job queue port (store/job_queue_adapter.hpp implements it).
  Worker(app::ports::JobQueue& queue, const app::Clock& clock, std::string name,
         WorkerSettings settings = {})
      : queue_(queue), clock_(clock), name_(std::move(name)), settings_(settings) {}

  // Handlers may run on several threads at once (settings.concurrency).
  void on(const std::string& kind, Handler handler) { handlers_[kind] = std::move(handler); }

  // Claims and runs one batch of due jobs; how many it ran (0: none was due).
  int run_batch();
  // Runs due jobs until `stop` is requested, polling while idle.
  void run(std::stop_token stop);

 private:
  app::ports::JobOutcome run_job(const app::JobRecord& job) const;
  std::vector<app::ports::JobOutcome> run_all(const std::vector<app::JobRecord>& jobs) const;
  void log_backlog_now_and_then();

  app::ports::JobQueue& queue_;
  const app::Clock& clock_;
  std::string name_;
  WorkerSettings settings_;
  std::map<std::string, Handler> handlers_;
  std::int64_t backlog_logged_at_ = 0;
};

}  // namespace confer::jobs
