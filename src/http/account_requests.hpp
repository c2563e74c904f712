#pragma once
// Request bodies of the account routes, read and validated into use-case
// inputs. Every problem is reported per field in one app::Error (422).
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "app/account_service.hpp"
#include "app/auth_service.hpp"

namespace confer::http {

app::SignupInput read_signup(const boost::json::object& body);

struct Credentials {
  std::string email;
  std::string password;
};
Credentials read_login(const boost::json::object& body);

app::AccountChanges read_account_changes(const boost::json::object& body);
app::ProfileChanges read_profile_changes(const boost::json::object& body);

struct PasswordReset {
  std::string token;
  std::string password;
};
PasswordReset read_password_reset(const boost::json::object& body);

// A required non-empty string field ("refreshToken", "email"), else 422.
std::string read_required_token(const boost::json::object& body, std::string_view field);

}  // namespace confer::http
