#pragma once
// The JobQueue port over the jobs table (store/job_repo.hpp): each call one
// write transaction on the database.
#include "app/ports/job_queue.hpp"
#include "store/database.hpp"

namespace confer::store {

class JobQueueAdapter : public app::ports::JobQueue {
 public:
  explicit JobQueueAdapter(Database& database) : database_(database) {}

  std::vector<app::JobRecord> claim_due(std::int64_t now, std::int64_t lease_until,
                                        const std::string& worker, int limit) override;
  void record(const std::vector<app::ports::JobOutcome>& outcomes, std::int64_t now) override;
  app::ports::JobBacklog backlog(std::int64_t now) override;

 private:
  Database& database_;
};

}  // namespace confer::store
