#include "store/job_queue_adapter.hpp"

#include "store/job_repo.hpp"

namespace confer::store {

std::vector<app::JobRecord> JobQueueAdapter::claim_due(std::int64_t now, std::int64_t lease_until,
                                                       const std::string& worker, int limit) {
  std::vector<app::JobRecord> jobs;
  database_.transaction(TxMode::write, [&](Session& session) {
    jobs = JobRepo(session).claim_due(now, lease_until, worker, limit);
  });
  return jobs;
}

void JobQueueAdapter::record(const std::vector<app::ports::JobOutcome>& outcomes,
                             std::int64_t now) {
  if (outcomes.empty()) return;
  database_.transaction(TxMode::write,
                        [&](Session& session) { JobRepo(session).record(outcomes, now); });
}

app::ports::JobBacklog JobQueueAdapter::backlog(std::int64_t now) {
  app::ports::JobBacklog backlog;
  database_.transaction(TxMode::read,
                        [&](Session& session) { backlog = JobRepo(session).backlog(now); });
  return backlog;
}

}  // namespace confer::store
