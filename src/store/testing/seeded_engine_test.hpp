#pragma once
// Test support: a test run on each engine over a marketplace `confer
// seed-scale` writes (skipped where the engine is not configured).
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "store/scale_seed.hpp"
#include "store/testing/test_databases.hpp"

namespace confer::store::testing {

class SeededEngineTest : public ::testing::TestWithParam<std::string> {
 protected:
  static constexpr std::int64_t now = 1'800'000'000'000;  // 2027-01-15

  // A fresh database of GetParam()'s engine seeded with `options` (every
  // account's password hash "hash"); false when the engine is not set up.
  bool seed(ScaleSeedOptions options);
  void read(const std::function<void(Session&)>& work);
  void write(const std::function<void(Session&)>& work);

  std::unique_ptr<TestDatabase> test_;
  ScaleSeedResult seeded_;
};

}  // namespace confer::store::testing
