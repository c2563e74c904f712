#pragma once
// The durable job table: enqueue inside a use case's transaction, claim with a
// lease, finish, retry or bury. See migration 0008_jobs.sql.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/records.hpp"
#include "store/database.hpp"

namespace confer::store {

using JobRecord = app::JobRecord;

struct JobCounts {
  std::int64_t queued = 0, running = 0, done = 0, dead = 0, cancelled = 0;
};

class JobRepo {
 public:
  explicit JobRepo(Session& session) : session_(session) {}

  // All in one statement: a state change often needs several jobs.
  void enqueue(const std::vector<JobRecord>& jobs);
  // The next due job (queued and due, or running with an expired lease),
  // marked running with a lease until `lease_until`; its attempts counted.
  // On PostgreSQL claimed with FOR UPDATE SKIP LOCKED, so workers in several
  // processes never take the same job at once.
  std::optional<JobRecord> claim_next(std::int64_t now, std::int64_t lease_until,
                                      const std::string& worker);
  void finish(const std::string& id, std::int64_t now);
  void retry_at(const std::string& id, std::int64_t run_at, const std::string& error,
                std::int64_t now);
  void bury(const std::string& id, const std::string& error, std::int64_t now);
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
