#pragma once
// The JobQueue port over the jobs table (store/job_repo.hpp): each call one
// write transaction on the database.
#include "app/ports/job_queue.hpp"
#include "store/database.hpp"

namespace confer::store {

class JobQueueAdapter : public app::ports::JobQueue {
 public:
  explicit JobQueueAdapter(Database& database) : database_(database) {}

  std::optional<app::JobRecord> claim_next(std::int64_t now, std::int64_t lease_until,
                                           const std::string& worker) override;
  void finish(const std::string& id, std::int64_t now) override;
  void retry_at(const std::string& id, std::int64_t run_at, const std::string& error,
                std::int64_t now) override;
  void bury(const std::string& id, const std::string& error, std::int64_t now) override;

 private:
  Database& database_;
};

}  // namespace confer::store
