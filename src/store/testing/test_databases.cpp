#include "store/testing/test_databases.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "security/crypto.hpp"
#include "security/encoding.hpp"
#include "store/migrations.hpp"

namespace confer::store::testing {
namespace {

std::string admin_url() {
  const char* url = std::getenv("CONFER_TEST_POSTGRES_URL");
  return url ? url : "";
}

// Swaps the database name at the end of a postgresql:// URL.
std::string with_database(const std::string& url, const std::string& name) {
  auto query = url.find('?');
  auto base = url.substr(0, query);
  auto slash = base.rfind('/');
  if (slash == std::string::npos || slash < 12) throw std::runtime_error("bad test database URL");
  return base.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

}  // namespace

std::vector<std::string> available_engines() {
  std::vector<std::string> engines{"sqlite"};
  if (!admin_url().empty()) engines.push_back("postgres");
  return engines;
}

std::unique_ptr<TestDatabase> make_test_database(const std::string& engine, int pool_size) {
  auto test = std::make_unique<TestDatabase>();
  test->engine = engine;
  auto suffix = security::hex_encode(security::random_bytes(6));
  if (engine == "sqlite") {
    auto folder = std::filesystem::temp_directory_path() / ("confer-test-" + suffix);
    std::filesystem::create_directories(folder);
    test->location = folder.string();
    test->database = open_database("sqlite:" + (folder / "test.db").string(), pool_size);
  } else {
    auto name = "confer_unit_" + suffix;
    auto admin = open_database(admin_url(), 1);
    admin->execute_standalone("CREATE DATABASE " + name);
    test->location = name;
    test->database = open_database(with_database(admin_url(), name), pool_size);
  }
  migrate(*test->database, 0);
  return test;
}

TestDatabase::~TestDatabase() {
  database.reset();
  if (engine == "sqlite") {
    std::error_code ignored;
    std::filesystem::remove_all(location, ignored);
  } else if (!location.empty()) {
    try {
      auto admin = open_database(admin_url(), 1);
      admin->execute_standalone("DROP DATABASE IF EXISTS " + location);
    } catch (const std::exception&) {
      // The throwaway cluster is deleted after the run anyway.
    }
  }
}

}  // namespace confer::store::testing
