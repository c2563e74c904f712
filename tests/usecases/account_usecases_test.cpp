// The account use cases (sign-up, log-in, sessions, password resets, the own
// account) as a user meets them, over in-memory ports: no database.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/account_service.hpp"
#include "app/auth_service.hpp"
#include "app/errors.hpp"
#include "fakes/account_fakes.hpp"
#include "security/crypto.hpp"

namespace confer::app {
namespace {

constexpr std::string_view password = "a long enough password";

class RecordingMailer final : public Mailer {
 public:
  void send(const EmailMessage& message) override { sent.push_back(message); }
  std::vector<EmailMessage> sent;
};

// The app::Error `action` throws; fails the test when it throws none.
Error error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no app::Error thrown";
  return Error(ErrorKind::internal, "none");
}

class AccountUseCases : public ::testing::Test {
 protected:
  void SetUp() override {
    security::init_crypto();
    settings_.jwt.secret = std::string(40, 's');
    settings_.max_failures_per_account = 3;
    settings_.max_failures_per_ip = 5;
    settings_.max_signups_per_ip_per_hour = 3;
    settings_.max_resets_per_account_per_hour = 2;
    settings_.app_url = "https://app.example";
    auth_ = std::make_unique<AuthService>(store_, clock_, mailer_, settings_, passwords_);
  }

  AuthResult sign_up(const std::string& email, const std::string& ip = "10.0.0.1",
                     const std::string& role = "customer") {
    return auth_->signup({email, std::string(password), "Ada", role, "UTC"}, ip);
  }
  AuthResult log_in(const std::string& email, const std::string& secret,
                    const std::string& ip = "10.0.0.1") {
    return auth_->login(email, secret, ip);
  }
  // The token of the reset link in the last mail sent.
  std::string last_reset_token() const {
    const auto& text = mailer_.sent.back().text;
    auto at = text.find("https://app.example/reset-password?token=");
    EXPECT_NE(at, std::string::npos);
    at = text.find("token=", at) + 6;
    return text.substr(at, text.find('\n', at) - at);
  }
  std::vector<std::string> audit_actions() const {
    std::vector<std::string> actions;
    for (const auto& entry : store_.data.audit) actions.push_back(entry.action);
    return actions;
  }

  AuthSettings settings_;
  FixedClock clock_{1'795'000'000'000};
  RecordingMailer mailer_;
  fakes::FakeAccounts store_;
  fakes::PlainPasswords passwords_;
  std::unique_ptr<AuthService> auth_;
};

TEST_F(AccountUseCases, ASignUpGivesTokensThatAuthenticateForFifteenMinutes) {
  auto result = sign_up("ada@example.com", "10.0.0.1", "specialist");
  EXPECT_EQ(result.tokens.expires_in, 15 * 60);
  auto caller = auth_->authenticate(result.tokens.access_token);
  ASSERT_TRUE(caller);
  EXPECT_EQ(caller->user_id, result.user.id);
  EXPECT_EQ(caller->role, "specialist");
  EXPECT_EQ(audit_actions(), std::vector<std::string>{"user.signup"});
  EXPECT_EQ(store_.data.audit[0].ip, "10.0.0.1");
  clock_.advance_ms(16 * 60'000);
  EXPECT_FALSE(auth_->authenticate(result.tokens.access_token));
}

TEST_F(AccountUseCases, ATakenEmailIsRefusedAndLeavesNothingBehind) {
  sign_up("ada@example.com");
  const auto before = store_.data.refresh_tokens.size();
  auto error = error_of([&] { sign_up("ada@example.com"); });
  EXPECT_EQ(error.kind(), ErrorKind::conflict);
  EXPECT_EQ(error.detail(), "An account with this email already exists. Log in instead.");
  EXPECT_EQ(store_.data.users.size(), 1u);
  EXPECT_EQ(store_.data.refresh_tokens.size(), before);
  EXPECT_EQ(audit_actions(), std::vector<std::string>{"user.signup"});
  // Nor does it use up the address's sign-ups.
  EXPECT_EQ(store_.data.limited_requests.size(), 1u);
}

TEST_F(AccountUseCases, SignUpsPerAddressTakeTurnsAndAreLimitedPerHour) {
  for (int i = 0; i < 3; ++i) sign_up("user" + std::to_string(i) + "@example.com", "10.5.5.5");
  auto error = error_of([&] { sign_up("one.more@example.com", "10.5.5.5"); });
  EXPECT_EQ(error.kind(), ErrorKind::too_many_requests);
  EXPECT_EQ(error.detail(), "Too many accounts were made from this address. Try again later.");
  EXPECT_EQ(error.retry_after_seconds(), 3600);
  EXPECT_NO_THROW(sign_up("elsewhere@example.com", "10.6.6.6"));
  EXPECT_EQ(store_.data.turns.front(),
            std::make_pair(std::string("signup"), std::string("10.5.5.5")));
  clock_.advance_ms(60 * 60'000 + 1);
  EXPECT_NO_THROW(sign_up("one.more@example.com", "10.5.5.5"));
}

TEST_F(AccountUseCases, ASpecialistStartsWithAnEmptyProfileAndACustomerHasNone) {
  AccountService accounts(store_, clock_);
  auto specialist = sign_up("s@example.com", "10.0.0.1", "specialist").user.id;
  auto customer = sign_up("c@example.com").user.id;
  auto profile = accounts.get_profile(specialist);
  EXPECT_EQ(profile.profile.headline, "");
  EXPECT_EQ(profile.profile.specialties_json, "[]");
  EXPECT_EQ(error_of([&] { accounts.get_profile(customer); }).kind(), ErrorKind::not_found);
}

TEST_F(AccountUseCases, AWrongPasswordIsCountedAndAnsweredLikeAnUnknownEmail) {
  sign_up("ada@example.com");
  auto wrong = error_of([&] { log_in("ada@example.com", "not the password"); });
  auto unknown = error_of([&] { log_in("nobody@example.com", "not the password"); });
  EXPECT_EQ(wrong.kind(), ErrorKind::unauthenticated);
  EXPECT_EQ(wrong.detail(), "The email or password is not right.");
  EXPECT_EQ(unknown.detail(), wrong.detail());
  ASSERT_EQ(store_.data.login_failures.size(), 2u);
  EXPECT_EQ(store_.data.login_failures[0].email, "ada@example.com");
  // Attempts take turns per account, then per address.
  EXPECT_EQ(store_.data.turns.at(1),
            std::make_pair(std::string("login-account"), std::string("ada@example.com")));
  EXPECT_EQ(store_.data.turns.at(2),
            std::make_pair(std::string("login-ip"), std::string("10.0.0.1")));
}

TEST_F(AccountUseCases, FailedLoginsLockTheAccountForTheWindowOnly) {
  sign_up("ada@example.com");
  for (int i = 0; i < 3; ++i) error_of([&] { log_in("ada@example.com", "wrong password!", "1"); });
  auto locked = error_of([&] { log_in("ada@example.com", std::string(password), "2"); });
  EXPECT_EQ(locked.kind(), ErrorKind::too_many_requests);
  EXPECT_EQ(locked.detail(), "Too many failed attempts for this account. Try again later.");
  EXPECT_EQ(locked.retry_after_seconds(), 15 * 60);
  clock_.advance_ms(15 * 60'000 + 1);
  EXPECT_NO_THROW(log_in("ada@example.com", std::string(password), "2"));
}

TEST_F(AccountUseCases, ALoginClearsTheAccountsFailuresButNotTheAddresss) {
  sign_up("ada@example.com");
  for (int i = 0; i < 2; ++i) error_of([&] { log_in("ada@example.com", "wrong password!"); });
  error_of([&] { log_in("bob@example.com", "wrong password!"); });
  auto result = log_in("ada@example.com", std::string(password));
  ASSERT_EQ(store_.data.login_failures.size(), 1u);
  EXPECT_EQ(store_.data.login_failures[0].email, "bob@example.com");
  EXPECT_TRUE(auth_->authenticate(result.tokens.access_token));
  EXPECT_EQ(audit_actions(), (std::vector<std::string>{"user.signup", "user.login"}));
}

TEST_F(AccountUseCases, FailedLoginsFromOneAddressAreLimitedAcrossAccounts) {
  sign_up("ada@example.com");
  for (int i = 0; i < 5; ++i)
    error_of([&] { log_in("nobody" + std::to_string(i) + "@example.com", "x", "10.9.9.9"); });
  auto limited = error_of([&] { log_in("ada@example.com", std::string(password), "10.9.9.9"); });
  EXPECT_EQ(limited.kind(), ErrorKind::too_many_requests);
  EXPECT_EQ(limited.detail(), "Too many failed attempts from this address. Try again later.");
  EXPECT_NO_THROW(log_in("ada@example.com", std::string(password), "10.1.1.1"));
}

TEST_F(AccountUseCases, ARefreshRotatesTheTokenAndAReplayRevokesTheWholeFamily) {
  auto account = sign_up("ada@example.com");
  auto first = account.tokens.refresh_token;
  auto second = auth_->refresh(first);
  EXPECT_NE(second.refresh_token, first);
  ASSERT_TRUE(auth_->authenticate(second.access_token));
  auto replay = error_of([&] { auth_->refresh(first); });
  EXPECT_EQ(replay.kind(), ErrorKind::unauthenticated);
  EXPECT_EQ(replay.detail(), "This refresh token is not valid. Log in again.");
  EXPECT_EQ(store_.data.users.begin()->second.token_version, 1);
  EXPECT_EQ(audit_actions().back(), "user.refresh_token_reused");
  // The thief may hold the live token: it dies too, and so do access tokens.
  EXPECT_EQ(error_of([&] { auth_->refresh(second.refresh_token); }).kind(),
            ErrorKind::unauthenticated);
  EXPECT_FALSE(auth_->authenticate(second.access_token));
}

TEST_F(AccountUseCases, AnExpiredSessionSaysSo) {
  auto account = sign_up("ada@example.com");
  clock_.advance_ms(30LL * 86'400'000);
  auto expired = error_of([&] { auth_->refresh(account.tokens.refresh_token); });
  EXPECT_EQ(expired.kind(), ErrorKind::unauthenticated);
  EXPECT_EQ(expired.detail(), "This session has expired. Log in again.");
}

TEST_F(AccountUseCases, LoggingOutOneDeviceEndsItsSessionWhileOthersRefresh) {
  auto phone = sign_up("ada@example.com");
  auto laptop = log_in("ada@example.com", std::string(password));
  auth_->logout(phone.user.id, phone.tokens.refresh_token);
  EXPECT_FALSE(auth_->authenticate(phone.tokens.access_token));
  EXPECT_FALSE(auth_->authenticate(laptop.tokens.access_token));
  EXPECT_EQ(error_of([&] { auth_->refresh(phone.tokens.refresh_token); }).kind(),
            ErrorKind::unauthenticated);
  auto renewed = auth_->refresh(laptop.tokens.refresh_token);
  EXPECT_TRUE(auth_->authenticate(renewed.access_token));
}

TEST_F(AccountUseCases, LoggingOutEverywhereEndsEverySession) {
  auto phone = sign_up("ada@example.com");
  auto laptop = log_in("ada@example.com", std::string(password));
  auth_->logout(phone.user.id, std::nullopt);
  EXPECT_EQ(audit_actions().back(), "user.logout");
  EXPECT_EQ(error_of([&] { auth_->refresh(laptop.tokens.refresh_token); }).kind(),
            ErrorKind::unauthenticated);
  EXPECT_FALSE(auth_->authenticate(laptop.tokens.access_token));
}

TEST_F(AccountUseCases, AResetLinkIsMailedOnlyToAnAccountAndLimitedPerAddressAlike) {
  sign_up("ada@example.com");
  for (std::string email : {"ada@example.com", "nobody@example.com"}) {
    auth_->forgot_password(email, "10.0.0.1");
    auth_->forgot_password(email, "10.0.0.2");
    auto limited = error_of([&] { auth_->forgot_password(email, "10.0.0.3"); });
    EXPECT_EQ(limited.kind(), ErrorKind::too_many_requests) << email;
    EXPECT_EQ(limited.retry_after_seconds(), 3600) << email;
  }
  ASSERT_EQ(mailer_.sent.size(), 2u);
  EXPECT_EQ(mailer_.sent[0].to, "ada@example.com");
  EXPECT_EQ(store_.data.password_resets.size(), 2u);
}

TEST_F(AccountUseCases, AResetSetsThePasswordAndEndsSessionsAccessTokensAndOtherLinks) {
  auto account = sign_up("ada@example.com");
  auth_->forgot_password("ada@example.com", "10.0.0.1");
  auto first = last_reset_token();
  auth_->forgot_password("ada@example.com", "10.0.0.1");
  auto second = last_reset_token();
  error_of([&] { log_in("ada@example.com", "wrong password!"); });

  auth_->reset_password(second, "a brand new password", "10.0.0.1");
  EXPECT_FALSE(auth_->authenticate(account.tokens.access_token));
  EXPECT_EQ(error_of([&] { auth_->refresh(account.tokens.refresh_token); }).kind(),
            ErrorKind::unauthenticated);
  for (const auto& token : {first, second}) {
    auto used = error_of([&] { auth_->reset_password(token, "the attacker's password", "x"); });
    EXPECT_EQ(used.kind(), ErrorKind::bad_request);
    EXPECT_EQ(used.detail(), "This reset link is not valid any more. Ask for a new one.");
  }
  EXPECT_TRUE(store_.data.login_failures.empty());
  EXPECT_EQ(error_of([&] { log_in("ada@example.com", std::string(password)); }).kind(),
            ErrorKind::unauthenticated);
  auto after = log_in("ada@example.com", "a brand new password");
  EXPECT_TRUE(auth_->authenticate(after.tokens.access_token));
}

TEST_F(AccountUseCases, AResetLinkExpiresAfterThirtyMinutes) {
  sign_up("ada@example.com");
  auth_->forgot_password("ada@example.com", "10.0.0.1");
  auto token = last_reset_token();
  clock_.advance_ms(30 * 60'000 + 1);
  EXPECT_EQ(error_of([&] { auth_->reset_password(token, "a brand new password", "x"); }).kind(),
            ErrorKind::bad_request);
}

TEST_F(AccountUseCases, SmsRemindersNeedAPhoneNumber) {
  AccountService accounts(store_, clock_);
  auto id = sign_up("ada@example.com").user.id;
  AccountChanges opt_in;
  opt_in.name = "Ada L.";
  opt_in.sms_opt_in = true;
  auto refused = error_of([&] { accounts.update(id, opt_in); });
  EXPECT_EQ(refused.kind(), ErrorKind::validation);
  EXPECT_EQ(refused.fields().size(), 1u);
  EXPECT_EQ(accounts.get(id).name, "Ada") << "nothing of a refused change is kept";

  opt_in.phone = std::optional<std::string>{"+14155550123"};
  clock_.advance_ms(1000);
  auto updated = accounts.update(id, opt_in);
  EXPECT_EQ(updated.name, "Ada L.");
  EXPECT_TRUE(accounts.get(id).sms_opt_in);
  EXPECT_EQ(accounts.get(id).updated_at, clock_.now_ms());
  EXPECT_EQ(error_of([&] { accounts.get("no-such-user"); }).kind(), ErrorKind::not_found);
}

TEST_F(AccountUseCases, AProfileKeepsWhatWasNotChanged) {
  AccountService accounts(store_, clock_);
  auto id = sign_up("s@example.com", "10.0.0.1", "specialist").user.id;
  ProfileChanges changes;
  changes.headline = "Coach";
  changes.specialties = std::vector<std::string>{"product", "strategy"};
  accounts.update_profile(id, changes);
  ProfileChanges more;
  more.bio = "Ten years.";
  auto profile = accounts.update_profile(id, more).profile;
  EXPECT_EQ(profile.headline, "Coach");
  EXPECT_EQ(profile.bio, "Ten years.");
  EXPECT_EQ(profile.specialties_json, R"(["product","strategy"])");
}

TEST_F(AccountUseCases, TheAdminPagesThroughUsersByRoleAndText) {
  AccountService accounts(store_, clock_);
  settings_.max_signups_per_ip_per_hour = 0;
  auth_ = std::make_unique<AuthService>(store_, clock_, mailer_, settings_, passwords_);
  for (int i = 0; i < 4; ++i) {
    clock_.advance_ms(1000);
    sign_up("user" + std::to_string(i) + "@example.com", "10.0.0.1",
            i % 2 ? "specialist" : "customer");
  }
  auto page = accounts.list_users("customer", "", 2, 1);
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].email, "user2@example.com");
  EXPECT_EQ(accounts.list_users("", "USER3", 1, 20).total, 1);
}

}  // namespace
}  // namespace confer::app
