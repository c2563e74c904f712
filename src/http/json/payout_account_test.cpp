#include "http/json/payout_account.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace confer::http::json {
namespace {

TEST(PayoutAccountJson, NoAccountYet) {
  EXPECT_EQ(boost::json::serialize(payout_account(std::nullopt)),
            R"({"connected":false,"status":"none"})");
}

TEST(PayoutAccountJson, AnAccountWithOnboardingLeftIsPending) {
  app::PayoutAccountRecord account{"s1", "stripe", "acct_1", true, false, true, 0, 0};
  EXPECT_EQ(boost::json::serialize(payout_account(account)),
            R"({"connected":true,"status":"pending","provider":"stripe","accountId":"acct_1",)"
            R"("chargesEnabled":true,"payoutsEnabled":false,"detailsSubmitted":true})");
}

TEST(PayoutAccountJson, AnAccountThatTakesChargesAndPaysOutIsActive) {
  app::PayoutAccountRecord account{"s1", "sandbox", "acct_sandbox_1", true, true, true, 0, 0};
  EXPECT_EQ(payout_account(account).at("status"), "active");
}

}  // namespace
}  // namespace confer::http::json
