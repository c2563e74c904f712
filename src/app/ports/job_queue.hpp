#pragma once
// The durable job queue as the job workers see it: claim a batch of due jobs
// with a lease, then record their outcomes together. Each call is its own
// transaction. The store implements it over SQLite and PostgreSQL
// (store/job_queue_adapter.hpp); jobs are enqueued through the Outbox port,
// inside the transaction of the change that sets them in motion.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/records.hpp"

namespace confer::app::ports {

// What became of a claimed job.
struct JobOutcome {
  enum class Kind { done, retry, dead };
  std::string id;
  Kind kind = Kind::done;
  std::int64_t retry_at = 0;  // for retry
  std::string error;          // for retry and dead
};

// How far behind the workers are: jobs due now, and since when the oldest of
// them has waited.
struct JobBacklog {
  std::int64_t due = 0;
  std::optional<std::int64_t> oldest_due_at;
};

class JobQueue {
 public:
  virtual ~JobQueue() = default;
  // Up to `limit` due jobs (queued and due, or running with a lease expired
  // by `now`), oldest first, marked running by `worker` until `lease_until`,
  // their attempts counted; empty when none is due. Workers in several
  // processes never claim the same job at once.
  virtual std::vector<JobRecord> claim_due(std::int64_t now, std::int64_t lease_until,
                                           const std::string& worker, int limit) = 0;
  // The outcomes of claimed jobs, all in one transaction.
  virtual void record(const std::vector<JobOutcome>& outcomes, std::int64_t now) = 0;
  virtual JobBacklog backlog(std::int64_t now) = 0;
};

}  // namespace confer::app::ports
