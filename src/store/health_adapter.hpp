#pragma once
// The DatabaseHealth port: a read transaction that asks for nothing.
#include "app/ports/health.hpp"
#include "store/database.hpp"

namespace confer::store {

class DatabaseHealthAdapter : public app::ports::DatabaseHealth {
 public:
  explicit DatabaseHealthAdapter(Database& database) : database_(database) {}
  bool answers() override;

 private:
  Database& database_;
};

}  // namespace confer::store
