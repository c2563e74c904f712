#include "store/job_queue_adapter.hpp"

#include "store/job_repo.hpp"

namespace confer::store {

std::optional<app::JobRecord> JobQueueAdapter::claim_next(std::int64_t now,
                                                          std::int64_t lease_until,
                                                          const std::string& worker) {
  std::optional<app::JobRecord> job;
  database_.transaction(TxMode::write, [&](Session& session) {
    job = JobRepo(session).claim_next(now, lease_until, worker);
  });
  return job;
}

void JobQueueAdapter::finish(const std::string& id, std::int64_t now) {
  database_.transaction(TxMode::write, [&](Session& session) { JobRepo(session).finish(id, now); });
}

void JobQueueAdapter::retry_at(const std::string& id, std::int64_t run_at, const std::string& error,
                               std::int64_t now) {
  database_.transaction(
      TxMode::write, [&](Session& session) { JobRepo(session).retry_at(id, run_at, error, now); });
}

void JobQueueAdapter::bury(const std::string& id, const std::string& error, std::int64_t now) {
  database_.transaction(TxMode::write,
                        [&](Session& session) { JobRepo(session).bury(id, error, now); });
}

}  // namespace confer::store
