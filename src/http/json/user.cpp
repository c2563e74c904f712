#include "http/json/user.hpp"

#include "http/json/instant.hpp"
#include "http/json/nullable.hpp"

namespace confer::http::json {

boost::json::object user(const app::UserRecord& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"role", user.role},
          {"timezone", user.timezone},
          {"createdAt", iso_utc(user.created_at)},
          {"phone", or_null(user.phone)},
          {"smsOptIn", user.sms_opt_in}};
}

boost::json::object tokens(const app::IssuedTokens& tokens) {
  return {{"accessToken", tokens.access_token},
          {"refreshToken", tokens.refresh_token},
          {"expiresIn", tokens.expires_in}};
}

boost::json::object auth_result(const app::AuthResult& result) {
  auto body = tokens(result.tokens);
  body["user"] = user(result.user);
  return body;
}

}  // namespace confer::http::json
