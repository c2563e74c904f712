#include "store/health_adapter.hpp"

namespace confer::store {

bool DatabaseHealthAdapter::answers() {
  try {
    database_.transaction(TxMode::read, [](Session& session) { session.query("SELECT 1"); });
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace confer::store
