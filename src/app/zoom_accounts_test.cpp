#include "app/zoom_accounts.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <stdexcept>

#include "app/clock.hpp"
#include "security/crypto.hpp"
#include "security/secretbox.hpp"
#include "store/testing/test_databases.hpp"
#include "store/zoom_token_repo.hpp"

namespace confer::app {
namespace {

// zoom.us's token endpoint as it behaves: every refresh answers a new pair
// and spends the refresh token it was given.
class SingleUseRefreshTokens final : public ZoomOAuth {
 public:
  OAuthTokens exchange_code(const std::string&) override { return issue(); }
  OAuthTokens refresh(const std::string& refresh_token) override {
    if (before_refresh) std::exchange(before_refresh, nullptr)();
    if (valid_.erase(refresh_token) == 0) throw std::runtime_error("invalid_grant");
    return issue();
  }
  std::function<void()> before_refresh;  // runs once, at the next refresh

 private:
  OAuthTokens issue() {
    ++issued_;
    valid_.insert("refresh-" + std::to_string(issued_));
    return {"access-" + std::to_string(issued_), "refresh-" + std::to_string(issued_), 3600};
  }
  std::set<std::string> valid_;
  int issued_ = 0;
};

class ZoomAccountsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    security::init_crypto();
    auto engines = store::testing::available_engines();
    if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end())
      GTEST_SKIP() << GetParam() << " is not configured";
    test_ = store::testing::make_test_database(GetParam());
    tokens_ = std::make_unique<store::ZoomTokenRepo>(*test_->database);
    test_->database->transaction(store::TxMode::write, [](store::Session& s) {
      s.execute(
          "INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at)"
          " VALUES ('u1', 'z@x.co', 'x', 'Z', 'specialist', 0, 0)");
    });
    // Connected with tokens that expire within the minute: the next use refreshes.
    auto first = zoom_.exchange_code("code");
    first.expires_in_seconds = 30;
    connect_with(first);
  }

  void connect_with(const OAuthTokens& tokens) {
    test_->database->transaction(store::TxMode::write, [&](store::Session& s) {
      s.execute(
          "INSERT INTO zoom_accounts (user_id, access_token_enc, refresh_token_enc, expires_at,"
          " created_at, updated_at) VALUES ('u1', $1, $2, $3, 0, 0)",
          {box_.seal(tokens.access_token), box_.seal(tokens.refresh_token),
           clock_.now_ms() + tokens.expires_in_seconds * 1000});
    });
  }

  // A process of its own over the same database.
  ZoomAccounts process() { return ZoomAccounts(*tokens_, clock_, zoom_, box_, {}); }

  FixedClock clock_{1'800'000'000'000};
  security::SecretBox box_{std::string(40, 'k')};
  SingleUseRefreshTokens zoom_;
  std::unique_ptr<store::testing::TestDatabase> test_;
  std::unique_ptr<store::ZoomTokenRepo> tokens_;
};

TEST_P(ZoomAccountsTest, TwoProcessesRefreshingAtOnceBothGetAWorkingToken) {
  auto first = process(), second = process();
  // The first process has read the stored refresh token; before its refresh
  // reaches Zoom, the second one refreshes with the same token and stores
  // the new pair, so the first one's token is spent.
  zoom_.before_refresh = [&] { EXPECT_EQ(second.access_token("u1"), "access-2"); };
  EXPECT_EQ(first.access_token("u1"), "access-2");
  // What is stored still refreshes once it expires.
  clock_.advance_ms(3600 * 1000);
  EXPECT_EQ(first.access_token("u1"), "access-3");
}

TEST_P(ZoomAccountsTest, ARefusedRefreshWithNothingNewerStoredIsAnError) {
  auto accounts = process();
  // The token is spent but no new pair was stored (the user revoked the app,
  // say): there is nothing to fall back on.
  zoom_.before_refresh = [&] { zoom_.refresh("refresh-1"); };
  EXPECT_THROW(accounts.access_token("u1"), std::runtime_error);
}

INSTANTIATE_TEST_SUITE_P(Engines, ZoomAccountsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace confer::app
