#include "store/catalog_store.hpp"

#include <gtest/gtest.h>

#include "store/testing/test_databases.hpp"

namespace confer::store {
namespace {

// What the catalog's unit of work promises its use cases, on each engine.
class CatalogStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto engines = testing::available_engines();
    if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end())
      GTEST_SKIP() << GetParam() << " is not configured";
    test_ = testing::make_test_database(GetParam());
    test_->database->transaction(TxMode::write, [](Session& s) {
      s.execute(
          "INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at)"
          " VALUES ('s', 's@x.co', 'x', 'S', 'specialist', 0, 0)");
    });
    store_ = std::make_unique<CatalogStore>(*test_->database);
  }

  static app::AvailabilityRecord rules(const std::string& id) {
    return {id, "s", "UTC", "{}", 0, 0};
  }

  std::unique_ptr<testing::TestDatabase> test_;
  std::unique_ptr<CatalogStore> store_;
};

TEST_P(CatalogStoreTest, ASecondSetOfRulesIsAClashAndLeavesNothingBehind) {
  store_->write([](auto& tx) { tx.availabilities().insert(rules("a1")); });
  const auto version = [&] {
    std::int64_t v = 0;
    store_->read([&](auto& tx) { v = tx.availabilities().schedule_version("s"); });
    return v;
  };
  const auto before = version();
  EXPECT_GT(before, 0);  // the insert moved the schedule version, in its transaction
  EXPECT_THROW(store_->write([](auto& tx) {
    tx.availabilities().insert_block({"b1", "s", 0, 60'000, "", 0});
    tx.availabilities().insert(rules("a2"));
  }),
               app::ports::Clash);
  store_->read([](auto& tx) {
    EXPECT_EQ(tx.availabilities().find_for_specialist("s")->id, "a1");
    EXPECT_TRUE(tx.availabilities().blocks_between("s", 0, 120'000).empty());
  });
  EXPECT_EQ(version(), before);
}

TEST_P(CatalogStoreTest, ServicesCountAndListWithoutTheDeleted) {
  app::ServiceRecord service;
  service.id = "svc";
  service.specialist_id = "s";
  service.title = "T";
  service.published = false;
  store_->write([&](auto& tx) {
    tx.services().take_turn_adding("s");
    tx.services().insert(service);
  });
  store_->read([](auto& tx) {
    EXPECT_EQ(tx.services().count_for_specialist("s"), 1);
    EXPECT_TRUE(tx.services().list_for_specialist("s", false).empty());
    EXPECT_EQ(tx.services().list_for_specialist("s", true).size(), 1u);
    EXPECT_EQ(tx.specialists().user("s")->role, "specialist");
  });
  service.deleted_at = 1;
  store_->write([&](auto& tx) { tx.services().update(service); });
  store_->read([](auto& tx) { EXPECT_EQ(tx.services().count_for_specialist("s"), 0); });
}

INSTANTIATE_TEST_SUITE_P(Engines, CatalogStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace confer::store
