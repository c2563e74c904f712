#pragma once
// Test support: fresh, migrated databases of each engine. SQLite in a temp
// folder always; PostgreSQL when CONFER_TEST_POSTGRES_URL names a server where
// the tests may create databases (scripts/run-tests.sh starts one).
#include <memory>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace confer::store::testing {

struct TestDatabase {
  std::string engine;  // "sqlite" or "postgres"
  std::unique_ptr<Database> database;
  std::string location;  // folder or database name, removed at the end
  ~TestDatabase();
};

// The engines available in this run ("sqlite" always, "postgres" when set up).
std::vector<std::string> available_engines();
std::unique_ptr<TestDatabase> make_test_database(const std::string& engine, int pool_size = 4);

}  // namespace confer::store::testing
