#pragma once
// What /api/health reports: whether the database answers, and how far behind
// the job workers are. The store implements it (store/health_adapter.hpp).
#include <cstdint>
#include <optional>

#include "app/ports/job_queue.hpp"

namespace confer::app::ports {

class DatabaseHealth {
 public:
  virtual ~DatabaseHealth() = default;
  // True when a trivial read succeeds now; never throws.
  virtual bool answers() = 0;
  // The jobs due at `now` and the oldest one's due time; nothing when the
  // database does not answer. Never throws.
  virtual std::optional<JobBacklog> job_backlog(std::int64_t now) = 0;
};

}  // namespace confer::app::ports
