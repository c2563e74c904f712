#include "app/testing/app_fixture.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "security/crypto.hpp"

namespace confer::app::testing {

void AppTest::SetUp() {
  security::init_crypto();
  auto engines = store::testing::available_engines();
  if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end())
    GTEST_SKIP() << GetParam() << " is not configured";
  test_ = store::testing::make_test_database(GetParam());
  AuthSettings settings;
  settings.jwt.secret = std::string(40, 's');
  account_store_ = std::make_unique<store::AccountStore>(db());
  auth_ = std::make_unique<AuthService>(*account_store_, clock_, mail_, settings);
  catalog_store_ = std::make_unique<store::CatalogStore>(db());
  availability_ = std::make_unique<AvailabilityService>(*catalog_store_, clock_);
  catalog_ = std::make_unique<ServiceCatalog>(*catalog_store_, clock_);
}

std::string AppTest::sign_up(const std::string& email, const std::string& role,
                             const std::string& zone) {
  return auth_->signup({email, "long enough password", "Test " + role, role, zone}, "").user.id;
}

domain::AvailabilityRules AppTest::every_day(const std::string& start, const std::string& end,
                                             const std::string& zone,
                                             const std::string& slot_durations) {
  std::string days;
  for (const char* name :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    days += std::string(days.empty() ? "" : ",") + "\"" + name + R"(":{"start":")" + start +
            R"(","end":")" + end + "\"}";
  auto parsed = domain::parse_availability(boost::json::parse(
      R"({"timezone":")" + zone + R"(","maxAdvanceBooking":730,"slotDuration":)" + slot_durations +
      R"(,"workingHours":{)" + days + "}}"));
  return std::get<domain::AvailabilityRules>(parsed);
}

}  // namespace confer::app::testing
