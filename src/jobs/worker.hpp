#pragma once
// Runs durable jobs: claims one due job at a time with a lease, hands it to
// the handler registered for its kind, and records the outcome — done, a
// retry after an exponentially growing delay, or dead after max_attempts.
// Workers run inside `confer serve` and as `confer worker`, any number of
// them over one database.
#include <cstdint>
#include <map>
#include <stop_token>
#include <string>

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
  std::int64_t lease_ms = 5 * 60'000;  // a handler running longer is presumed dead
  std::int64_t idle_poll_ms = 1000;
};

class Worker {
 public:
  // Over the job queue port (store/job_queue_adapter.hpp implements it).
  Worker(app::ports::JobQueue& queue, const app::Clock& clock, std::string name,
         WorkerSettings settings = {})
      : queue_(queue), clock_(clock), name_(std::move(name)), settings_(settings) {}

  void on(const std::string& kind, Handler handler) { handlers_[kind] = std::move(handler); }

  // Runs one due job if there is one; true when it did.
  bool run_one();
  // Runs due jobs until `stop` is requested, polling while idle.
  void run(std::stop_token stop);

 private:
  app::ports::JobQueue& queue_;
  const app::Clock& clock_;
  std::string name_;
  WorkerSettings settings_;
  std::map<std::string, Handler> handlers_;
};

}  // namespace confer::jobs
