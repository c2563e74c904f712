#include "store/testing/seeded_engine_test.hpp"

#include <algorithm>

#include "security/crypto.hpp"

namespace confer::store::testing {

bool SeededEngineTest::seed(ScaleSeedOptions options) {
  security::init_crypto();
  auto engines = available_engines();
  if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end()) return false;
  test_ = make_test_database(GetParam());
  options.password_hash = "hash";
  seeded_ = seed_scale(*test_->database, options, now);
  return true;
}

void SeededEngineTest::read(const std::function<void(Session&)>& work) {
  test_->database->transaction(TxMode::read, work);
}

void SeededEngineTest::write(const std::function<void(Session&)>& work) {
  test_->database->transaction(TxMode::write, work);
}

}  // namespace confer::store::testing
