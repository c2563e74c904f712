// The store's adapters for http's ports, on each engine: idempotency keys
// and the database's health.
#include "store/idempotency_adapter.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/health_adapter.hpp"
#include "store/testing/test_databases.hpp"

namespace confer::store {
namespace {

class IdempotencyAdapterTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto engines = testing::available_engines();
    if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end())
      GTEST_SKIP() << GetParam() << " is not configured";
    test_ = testing::make_test_database(GetParam());
    keys_ = std::make_unique<IdempotencyAdapter>(*test_->database);
  }

  std::unique_ptr<testing::TestDatabase> test_;
  std::unique_ptr<IdempotencyAdapter> keys_;
};

TEST_P(IdempotencyAdapterTest, AKeyIsClaimedOnceThenAnsweredThenReleased) {
  EXPECT_FALSE(keys_->claim("u1", "k", "hash", 1000, 5000));
  auto entry = keys_->claim("u1", "k", "other", 1001, 5001);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->request_hash, "hash");
  EXPECT_TRUE(entry->in_flight);
  EXPECT_FALSE(keys_->claim("u2", "k", "hash", 1002, 5002));  // another caller's key

  keys_->complete("u1", "k", 201, "{\"id\":\"b1\"}");
  entry = keys_->claim("u1", "k", "hash", 1003, 5003);
  ASSERT_TRUE(entry);
  EXPECT_FALSE(entry->in_flight);
  EXPECT_EQ(entry->response_status, 201u);
  EXPECT_EQ(entry->response_body, "{\"id\":\"b1\"}");

  keys_->release("u1", "k");
  EXPECT_FALSE(keys_->claim("u1", "k", "new", 1004, 5004));
}

TEST_P(IdempotencyAdapterTest, ExpiredKeysAreForgotten) {
  EXPECT_FALSE(keys_->claim("u1", "k", "hash", 1000, 5000));
  keys_->complete("u1", "k", 200, "{}");
  EXPECT_TRUE(keys_->claim("u1", "k", "hash", 4999, 9999));
  EXPECT_FALSE(keys_->claim("u1", "k", "hash", 5000, 9999));
}

TEST_P(IdempotencyAdapterTest, TheDatabaseAnswersTheHealthCheck) {
  EXPECT_TRUE(DatabaseHealthAdapter(*test_->database).answers());
}

INSTANTIATE_TEST_SUITE_P(Engines, IdempotencyAdapterTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace confer::store
