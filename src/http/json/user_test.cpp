#include "http/json/user.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace confer::http::json {
namespace {

app::UserRecord ada() {
  app::UserRecord user;
  user.id = "u1";
  user.email = "ada@example.com";
  user.password_hash = "$argon2id$secret";
  user.name = "Ada";
  user.role = "specialist";
  user.timezone = "Europe/Berlin";
  user.created_at = 1'800'000'000'000;
  user.updated_at = 1'800'000'100'000;
  user.token_version = 7;
  return user;
}

TEST(UserJson, TheAccountWithoutItsSecrets) {
  EXPECT_EQ(boost::json::serialize(user(ada())),
            R"({"id":"u1","email":"ada@example.com","name":"Ada","role":"specialist",)"
            R"("timezone":"Europe/Berlin","createdAt":"2027-01-15T08:00:00Z","phone":null,)"
            R"("smsOptIn":false})");
}

TEST(UserJson, APhoneForTextReminders) {
  auto record = ada();
  record.phone = "+4915112345678";
  record.sms_opt_in = true;
  auto json = user(record);
  EXPECT_EQ(json.at("phone"), "+4915112345678");
  EXPECT_EQ(json.at("smsOptIn"), true);
}

TEST(UserJson, SignUpAndLoginAnswerTokensAndTheUser) {
  app::AuthResult result;
  result.user = ada();
  result.tokens = {"access", "refresh", 900};
  EXPECT_EQ(boost::json::serialize(tokens(result.tokens)),
            R"({"accessToken":"access","refreshToken":"refresh","expiresIn":900})");
  auto json = auth_result(result);
  EXPECT_EQ(json.size(), 4u);
  EXPECT_EQ(json.at("accessToken"), "access");
  EXPECT_EQ(json.at("refreshToken"), "refresh");
  EXPECT_EQ(json.at("expiresIn"), 900);
  EXPECT_EQ(json.at("user"), user(ada()));
}

}  // namespace
}  // namespace confer::http::json
