#pragma once
// The durable job queue as the job workers see it: claim the next due job
// with a lease, then record its outcome. Each call is its own transaction.
// The store implements it over SQLite and PostgreSQL
// (store/job_queue_adapter.hpp); jobs are enqueued through the Outbox port,
// inside the transaction of the change that sets them in motion.
#include <cstdint>
#include <optional>
#include <string>

#include "app/ports/records.hpp"

namespace confer::app::ports {

class JobQueue {
 public:
  virtual ~JobQueue() = default;
  // The next due job (queued and due, or running with a lease expired by
  // `now`), marked running by `worker` until `lease_until`, its attempts
  // counted; nullopt when none is due. Workers in several processes never
  // claim the same job at once.
  virtual std::optional<JobRecord> claim_next(std::int64_t now, std::int64_t lease_until,
                                              const std::string& worker) = 0;
  // The job ran: done.
  virtual void finish(const std::string& id, std::int64_t now) = 0;
  // The job failed and runs again at `run_at`.
  virtual void retry_at(const std::string& id, std::int64_t run_at, const std::string& error,
                        std::int64_t now) = 0;
  // The job failed for good: dead.
  virtual void bury(const std::string& id, const std::string& error, std::int64_t now) = 0;
};

}  // namespace confer::app::ports
