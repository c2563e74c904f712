#include "app/auth_service.hpp"

#include <gtest/gtest.h>

#include "app/errors.hpp"
#include "app/testing/errors.hpp"
#include "security/crypto.hpp"
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
    AuthSettings settings;
    settings.jwt.secret = std::string(40, 's');
    settings.max_failures_per_account = 3;
    settings.max_failures_per_ip = 5;
    settings.app_url = "https://app.example";
    auth_ = std::make_unique<AuthService>(*test_->database, clock_, mailer_, settings);
  }

  AuthResult sign_up(const std::string& email) {
    return auth_->signup({email, "a long enough password", "Ada", "customer", "UTC"}, "10.0.0.1");
  }

  FixedClock clock_{1'795'000'000'000};
  RecordingMailer mailer_;
  std::unique_ptr<store::testing::TestDatabase> test_;
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

INSTANTIATE_TEST_SUITE_P(Engines, AuthServiceTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace confer::app
