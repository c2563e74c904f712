#pragma once
// Accounts in responses: the signed-in user, tokens, and what sign-up and
// login answer ({user, accessToken, refreshToken, expiresIn}).
#include <boost/json/object.hpp>

#include "app/auth_service.hpp"
#include "app/ports/records.hpp"

namespace confer::http::json {

// Never the password hash or the token version.
boost::json::object user(const app::UserRecord& user);
boost::json::object tokens(const app::IssuedTokens& tokens);
boost::json::object auth_result(const app::AuthResult& result);

}  // namespace confer::http::json
