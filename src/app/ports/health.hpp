#pragma once
// Whether the database answers: the readiness /api/health reports. The store
// implements it (store/health_adapter.hpp).
namespace confer::app::ports {

class DatabaseHealth {
 public:
  virtual ~DatabaseHealth() = default;
  // True when a trivial read succeeds now; never throws.
  virtual bool answers() = 0;
};

}  // namespace confer::app::ports
