#pragma once
// The DatabaseHealth port: a read transaction that asks for nothing, and the
// jobs table's due backlog.
#include "app/ports/health.hpp"
#include "store/database.hpp"

namespace confer::store {

class DatabaseHealthAdapter : public app::ports::DatabaseHealth {
 public:
  explicit DatabaseHealthAdapter(Database& database) : database_(database) {}
  bool answers() override;
  std::optional<app::ports::JobBacklog> job_backlog(std::int64_t now) override;

 private:
  Database& database_;
};

}  // namespace confer::store
