#pragma once
// Test support for the use cases: a fresh, migrated database of the engine
// under test (the test is skipped when that engine is not configured), a
// fixed clock, and the services most use cases are built on. A derived
// SetUp calls AppTest::SetUp() first and returns when IsSkipped().
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/auth_service.hpp"
#include "app/availability_service.hpp"
#include "app/clock.hpp"
#include "app/service_catalog.hpp"
#include "store/account_adapters.hpp"
#include "store/catalog_store.hpp"
#include "store/testing/test_databases.hpp"

namespace confer::app::testing {

class NoMail final : public Mailer {
 public:
  void send(const EmailMessage&) override {}
};

class AppTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;

  store::Database& db() { return *test_->database; }
  // A new account's id.
  std::string sign_up(const std::string& email, const std::string& role,
                      const std::string& zone = "UTC");
  // The same hours every day of the week, in `zone`, booking horizon 730 days.
  static domain::AvailabilityRules every_day(const std::string& start, const std::string& end,
                                             const std::string& zone,
                                             const std::string& slot_durations);

  FixedClock clock_{1'800'000'000'000};  // 2027-01-15
  NoMail mail_;
  std::unique_ptr<store::testing::TestDatabase> test_;
  std::unique_ptr<store::AccountStore> account_store_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<store::CatalogStore> catalog_store_;
  std::unique_ptr<AvailabilityService> availability_;
  std::unique_ptr<ServiceCatalog> catalog_;
};

// Both engines, named in the test's name.
#define CONFER_ON_EVERY_ENGINE(Suite)                                               \
  INSTANTIATE_TEST_SUITE_P(Engines, Suite, ::testing::Values("sqlite", "postgres"), \
                           [](const auto& info) { return info.param; })

}  // namespace confer::app::testing
