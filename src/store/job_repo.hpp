#pragma once
// The durable job table: enqueue inside a use case's transaction, claim in
// batches with a lease, record what became of each. See migration 0008_jobs.sql.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/job_queue.hpp"
#include "app/ports/records.hpp"
#include "store/database.hpp"

namespace confer::store {

using JobRecord = app::JobRecord;
using app::ports::JobBacklog;
using app::ports::JobOutcome;

struct JobCounts {
  std::int64_t queued = 0, running = 0, done = 0, dead = 0, cancelled = 0;
};

class JobRepo {
 public:
  explicit JobRepo(Session& session) : session_(session) {}

  // All in one statement: a state change often needs several jobs.
  void enqueue(const std::vector<JobRecord>& jobs);
  // Up to `limit` due jobs (queued and due, or running with an expired
  // lease), oldest first, marked running with a lease until `lease_until`;
  // their attempts counted. On PostgreSQL claimed with FOR UPDATE SKIP
  // LOCKED, so workers in several processes never take the same job at once.
  std::vector<JobRecord> claim_due(std::int64_t now, std::int64_t lease_until,
                                   const std::string& worker, int limit);
  // Each claimed job's outcome: done, queued again for later, or dead.
  void record(const std::vector<JobOutcome>& outcomes, std::int64_t now);
  JobBacklog backlog(std::int64_t now);
  // Cancels the booking's queued jobs of these kinds (a reschedule moves its
  // reminders; a cancellation drops them). Returns how many.
  int cancel_queued(const std::string& booking_id, const std::vector<std::string>& kinds,
                    std::int64_t now);
  std::vector<JobRecord> for_booking(const std::string& booking_id);
  JobCounts counts();

 private:
  Session& session_;
};

}  // namespace confer::store
