#include "store/health_adapter.hpp"

#include "store/job_repo.hpp"

namespace confer::store {

bool DatabaseHealthAdapter::answers() {
  try {
    database_.transaction(TxMode::read, [](Session& session) { session.query("SELECT 1"); });
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::optional<app::ports::JobBacklog> DatabaseHealthAdapter::job_backlog(std::int64_t now) {
  try {
    std::optional<app::ports::JobBacklog> backlog;
    database_.transaction(TxMode::read,
                          [&](Session& session) { backlog = JobRepo(session).backlog(now); });
    return backlog;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace confer::store
