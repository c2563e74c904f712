#include "app/auth_service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/errors.hpp"
#include "app/testing/errors.hpp"
#include "security/crypto.hpp"
#include "store/account_adapters.hpp"
#include "store/testing/test_databases.hpp"

namespace confer::app {
namespace {

class RecordingMailer final : public Mailer {
 public:
  void send(const EmailMessage& message) override { sent.push_back(message); }
  std::vector<EmailMessage> sent;
};

using testing::kind_of;

class AuthServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    security::init_crypto();
    auto engines = store::testing::available_engines();
    if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end())
      GTEST_SKIP() << GetParam() << " is not configured";
    test_ = store::testing::make_test_database(GetParam());
    settings_.jwt.secret = std::string(40, 's');
    settings_.max_failures_per_account = 3;
    settings_.max_failures_per_ip = 5;
    settings_.max_signups_per_ip_per_hour = 3;
    settings_.max_resets_per_account_per_hour = 2;
    settings_.app_url = "https://app.example";
    account_store_ = std::make_unique<store::AccountStore>(*test_->database);
    auth_ = std::make_unique<AuthService>(*account_store_, clock_, mailer_, settings_);
  }

  AuthResult sign_up(const std::string& email, const std::string& ip = "10.0.0.1") {
    return auth_->signup({email, "a long enough password", "Ada", "customer", "UTC"}, ip);
  }

  AuthResult log_in(const std::string& email, const std::string& password) {
    return auth_->login(email, password, "10.0.0.1");
  }

  // The token of the reset link in the last mail sent.
  std::string last_reset_token() const {
    const auto& text = mailer_.sent.back().text;
    auto at = text.find("token=");
    return text.substr(at + 6, text.find('\n', at) - at - 6);
  }

  AuthSettings settings_;
  FixedClock clock_{1'795'000'000'000};
  RecordingMailer mailer_;
  std::unique_ptr<store::testing::TestDatabase> test_;
  std::unique_ptr<store::AccountStore> account_store_;
  std::unique_ptr<AuthService> auth_;
};

TEST_P(AuthServiceTest, SignupIssuesTokensThatAuthenticate) {
  auto result = sign_up("ada@example.com");
  auto caller = auth_->authenticate(result.tokens.access_token);
  ASSERT_TRUE(caller);
  EXPECT_EQ(caller->user_id, result.user.id);
  EXPECT_EQ(caller->role, "customer");
  clock_.advance_ms(16 * 60'000);  // past the 15-minute access token
  EXPECT_FALSE(auth_->authenticate(result.tokens.access_token));
}

TEST_P(AuthServiceTest, DuplicateEmailIsAConflict) {
  sign_up("ada@example.com");
  EXPECT_EQ(kind_of([&] { sign_up("ada@example.com"); }), ErrorKind::conflict);
}

TEST_P(AuthServiceTest, RefreshRotatesAndReuseRevokesTheFamily) {
  auto first = sign_up("ada@example.com").tokens.refresh_token;
  auto second = auth_->refresh(first).refresh_token;
  EXPECT_NE(first, second);
  auto third = auth_->refresh(second).refresh_token;
  // Someone replays the first token: refused, and the live one dies too.
  EXPECT_EQ(kind_of([&] { auth_->refresh(first); }), ErrorKind::unauthenticated);
  EXPECT_EQ(kind_of([&] { auth_->refresh(third); }), ErrorKind::unauthenticated);
  EXPECT_EQ(kind_of([&] { auth_->refresh("garbage"); }), ErrorKind::unauthenticated);
}

TEST_P(AuthServiceTest, FailedLoginsLockTheAccountForTheWindowOnly) {
  sign_up("ada@example.com");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(kind_of([&] { auth_->login("ada@example.com", "wrong password!", "10.0.0.2"); }),
              ErrorKind::unauthenticated);
  try {
    auth_->login("ada@example.com", "a long enough password", "10.0.0.3");
    FAIL() << "expected the account to be locked";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::too_many_requests);
    ASSERT_TRUE(error.retry_after_seconds());
    EXPECT_EQ(*error.retry_after_seconds(), 15 * 60);
  }
  clock_.advance_ms(15 * 60'000 + 1);
  EXPECT_NO_THROW(auth_->login("ada@example.com", "a long enough password", "10.0.0.3"));
}

TEST_P(AuthServiceTest, FailedLoginsFromOneAddressAreLimitedAcrossAccounts) {
  sign_up("ada@example.com");
  for (int i = 0; i < 5; ++i) {
    auto email = "nobody" + std::to_string(i) + "@example.com";
    EXPECT_EQ(kind_of([&] { auth_->login(email, "whatever12345", "10.9.9.9"); }),
              ErrorKind::unauthenticated);
  }
  EXPECT_EQ(kind_of([&] { auth_->login("ada@example.com", "a long enough password", "10.9.9.9"); }),
            ErrorKind::too_many_requests);
  EXPECT_NO_THROW(auth_->login("ada@example.com", "a long enough password", "10.1.1.1"));
}

TEST_P(AuthServiceTest, PasswordResetIsSingleUseAndRevokesSessions) {
  auto account = sign_up("ada@example.com");
  auth_->forgot_password("ada@example.com", "10.0.0.1");
  auth_->forgot_password("nobody@example.com", "10.0.0.1");
  ASSERT_EQ(mailer_.sent.size(), 1u);
  const auto& text = mailer_.sent[0].text;
  auto at = text.find("https://app.example/reset-password?token=");
  ASSERT_NE(at, std::string::npos);
  auto token = text.substr(at + 41, text.find('\n', at) - at - 41);

  auth_->reset_password(token, "a brand new password", "10.0.0.1");
  EXPECT_EQ(kind_of([&] { auth_->reset_password(token, "another new password", "x"); }),
            ErrorKind::bad_request);
  EXPECT_EQ(kind_of([&] { auth_->refresh(account.tokens.refresh_token); }),
            ErrorKind::unauthenticated);
  EXPECT_EQ(kind_of([&] { auth_->login("ada@example.com", "a long enough password", "1"); }),
            ErrorKind::unauthenticated);
  EXPECT_NO_THROW(auth_->login("ada@example.com", "a brand new password", "1"));
}

TEST_P(AuthServiceTest, ResetLinksExpireAfterThirtyMinutes) {
  sign_up("ada@example.com");
  auth_->forgot_password("ada@example.com", "10.0.0.1");
  const auto& text = mailer_.sent.at(0).text;
  auto at = text.find("token=");
  auto token = text.substr(at + 6, text.find('\n', at) - at - 6);
  clock_.advance_ms(30 * 60'000 + 1);
  EXPECT_EQ(kind_of([&] { auth_->reset_password(token, "a brand new password", "x"); }),
            ErrorKind::bad_request);
}

TEST_P(AuthServiceTest, LogoutOfOneDeviceEndsItsAccessTokenAndOthersRefresh) {
  auto phone = sign_up("ada@example.com");
  auto laptop = log_in("ada@example.com", "a long enough password");
  ASSERT_TRUE(auth_->authenticate(phone.tokens.access_token));
  auth_->logout(phone.user.id, phone.tokens.refresh_token);
  EXPECT_FALSE(auth_->authenticate(phone.tokens.access_token));
  // One version per user: the laptop's access token ends too, but its session
  // does not; a refresh gives it a working access token again.
  EXPECT_FALSE(auth_->authenticate(laptop.tokens.access_token));
  auto renewed = auth_->refresh(laptop.tokens.refresh_token);
  EXPECT_TRUE(auth_->authenticate(renewed.access_token));
  EXPECT_EQ(kind_of([&] { auth_->refresh(phone.tokens.refresh_token); }),
            ErrorKind::unauthenticated);
}

TEST_P(AuthServiceTest, LogoutEverywhereEndsEveryAccessToken) {
  auto phone = sign_up("ada@example.com");
  auto laptop = log_in("ada@example.com", "a long enough password");
  auth_->logout(phone.user.id, std::nullopt);
  EXPECT_FALSE(auth_->authenticate(phone.tokens.access_token));
  EXPECT_FALSE(auth_->authenticate(laptop.tokens.access_token));
  EXPECT_EQ(kind_of([&] { auth_->refresh(laptop.tokens.refresh_token); }),
            ErrorKind::unauthenticated);
  auto again = log_in("ada@example.com", "a long enough password");
  EXPECT_TRUE(auth_->authenticate(again.tokens.access_token));
}

TEST_P(AuthServiceTest, PasswordResetEndsAccessTokensAndEveryOtherLink) {
  auto account = sign_up("ada@example.com");
  auth_->forgot_password("ada@example.com", "10.0.0.1");
  auto first = last_reset_token();
  auth_->forgot_password("ada@example.com", "10.0.0.1");
  auto second = last_reset_token();
  ASSERT_NE(first, second);

  auth_->reset_password(second, "a brand new password", "10.0.0.1");
  EXPECT_FALSE(auth_->authenticate(account.tokens.access_token));
  EXPECT_EQ(kind_of([&] { auth_->reset_password(first, "the attacker's password", "x"); }),
            ErrorKind::bad_request);
  auto after = log_in("ada@example.com", "a brand new password");
  EXPECT_TRUE(auth_->authenticate(after.tokens.access_token));
}

TEST_P(AuthServiceTest, ARefreshTokenReplayEndsAccessTokens) {
  auto account = sign_up("ada@example.com");
  auto rotated = auth_->refresh(account.tokens.refresh_token);
  ASSERT_TRUE(auth_->authenticate(rotated.access_token));
  EXPECT_EQ(kind_of([&] { auth_->refresh(account.tokens.refresh_token); }),
            ErrorKind::unauthenticated);
  EXPECT_FALSE(auth_->authenticate(rotated.access_token));
  EXPECT_FALSE(auth_->authenticate(account.tokens.access_token));
}

TEST_P(AuthServiceTest, ARevocationByAnotherProcessIsSeenWithinASecond) {
  auto account = sign_up("ada@example.com");
  ASSERT_TRUE(auth_->authenticate(account.tokens.access_token));  // its version is remembered
  store::AccountStore other_store(*test_->database);
  AuthService other_process(other_store, clock_, mailer_, settings_);
  other_process.logout(account.user.id, std::nullopt);
  EXPECT_FALSE(other_process.authenticate(account.tokens.access_token));
  clock_.advance_ms(1000);
  EXPECT_FALSE(auth_->authenticate(account.tokens.access_token));
}

TEST_P(AuthServiceTest, SignupsFromOneAddressAreLimitedPerHour) {
  for (int i = 0; i < 3; ++i) sign_up("user" + std::to_string(i) + "@example.com", "10.5.5.5");
  try {
    sign_up("one.more@example.com", "10.5.5.5");
    FAIL() << "expected the address to be over its limit";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::too_many_requests);
    EXPECT_EQ(error.retry_after_seconds(), 3600);
  }
  EXPECT_NO_THROW(sign_up("elsewhere@example.com", "10.6.6.6"));
  clock_.advance_ms(30 * 60'000);
  EXPECT_EQ(kind_of([&] { sign_up("one.more@example.com", "10.5.5.5"); }),
            ErrorKind::too_many_requests);
  clock_.advance_ms(30 * 60'000 + 1);
  EXPECT_NO_THROW(sign_up("one.more@example.com", "10.5.5.5"));
}

TEST_P(AuthServiceTest, ATakenEmailDoesNotUseUpTheSignupLimit) {
  sign_up("ada@example.com", "10.5.5.5");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(kind_of([&] { sign_up("ada@example.com", "10.5.5.5"); }), ErrorKind::conflict);
  EXPECT_NO_THROW(sign_up("bob@example.com", "10.5.5.5"));
  EXPECT_NO_THROW(sign_up("eve@example.com", "10.5.5.5"));
}

TEST_P(AuthServiceTest, ZeroTurnsTheSignupLimitOff) {
  settings_.max_signups_per_ip_per_hour = 0;
  auth_ = std::make_unique<AuthService>(*account_store_, clock_, mailer_, settings_);
  for (int i = 0; i < 6; ++i)
    EXPECT_NO_THROW(sign_up("user" + std::to_string(i) + "@example.com", "10.5.5.5"));
}

TEST_P(AuthServiceTest, ParallelSignupsCannotSlipPastTheLimit) {
  std::atomic<int> made = 0, refused = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] {
      try {
        sign_up("racer" + std::to_string(i) + "@example.com", "10.7.7.7");
        ++made;
      } catch (const Error& error) {
        if (error.kind() == ErrorKind::too_many_requests) ++refused;
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(made, 3);
  EXPECT_EQ(refused, 5);
}

TEST_P(AuthServiceTest, ParallelWrongPasswordsCannotSlipPastTheAccountLimit) {
  sign_up("ada@example.com");
  std::atomic<int> wrong = 0, limited = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] {
      try {
        auth_->login("ada@example.com", "not the password", "10.9.9." + std::to_string(i));
      } catch (const Error& error) {
        if (error.kind() == ErrorKind::unauthenticated) ++wrong;
        if (error.kind() == ErrorKind::too_many_requests) ++limited;
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, 3);  // max_failures_per_account
  EXPECT_EQ(limited, 5);
}

TEST_P(AuthServiceTest, ResetRequestsAreLimitedPerAddressAlikeWithOrWithoutAnAccount) {
  sign_up("ada@example.com");
  std::vector<std::int64_t> retry_after;
  for (std::string email : {"ada@example.com", "nobody@example.com"}) {
    auth_->forgot_password(email, "10.0.0.1");
    clock_.advance_ms(60'000);
    auth_->forgot_password(email, "10.0.0.2");  // from anywhere: counted per address asked for
    try {
      auth_->forgot_password(email, "10.0.0.3");
      ADD_FAILURE() << email << " was not limited";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::too_many_requests);
      EXPECT_EQ(error.detail(),
                "Too many reset links were asked for this address. Try again later.");
      retry_after.push_back(error.retry_after_seconds().value_or(0));
    }
  }
  // Until the first of the two requests is an hour old.
  EXPECT_EQ(retry_after, (std::vector<std::int64_t>{3540, 3540}));
  EXPECT_EQ(mailer_.sent.size(), 2u) << "no mail past the limit";
  clock_.advance_ms(60 * 60'000 + 1);
  auth_->forgot_password("ada@example.com", "10.0.0.1");
  EXPECT_EQ(mailer_.sent.size(), 3u);
}

TEST_P(AuthServiceTest, ZeroTurnsTheResetLimitOff) {
  settings_.max_resets_per_account_per_hour = 0;
  auth_ = std::make_unique<AuthService>(*account_store_, clock_, mailer_, settings_);
  sign_up("ada@example.com");
  for (int i = 0; i < 5; ++i) auth_->forgot_password("ada@example.com", "10.0.0.1");
  EXPECT_EQ(mailer_.sent.size(), 5u);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthServiceTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace confer::app
