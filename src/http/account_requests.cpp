#include "http/account_requests.hpp"

#include "app/errors.hpp"
#include "app/time_zones.hpp"
#include "domain/email_address.hpp"
#include "http/json_body.hpp"
#include "security/password.hpp"

namespace confer::http {
namespace {

// New passwords are taken exactly as typed: no trimming, spaces count.
void read_new_password(FieldReader& reader, const boost::json::object& body, std::string& out) {
  auto raw = body.find("password");
  if (raw == body.end() || raw->value().is_null()) {
    reader.add_error("password", "is required");
  } else if (!raw->value().is_string()) {
    reader.add_error("password", "must be a string");
  } else if (auto problem = security::check_password_rule(raw->value().as_string())) {
    reader.add_error("password", *problem);
  } else {
    out = std::string(raw->value().as_string());
  }
}

}  // namespace

app::SignupInput read_signup(const boost::json::object& body) {
  FieldReader reader(body);
  app::SignupInput input;
  if (auto email = reader.required_string("email", 1, 254)) {
    input.email = domain::normalize_email(*email);
    if (!domain::is_plausible_email(input.email))
      reader.add_error("email", "must be an email address like name@example.com");
  }
  read_new_password(reader, body, input.password);
  if (auto name = reader.required_string("name", 1, 100)) input.name = *name;
  if (auto role = reader.required_string("role", 1, 20)) {
    if (*role != "customer" && *role != "specialist")
      reader.add_error("role", "must be \"customer\" or \"specialist\"");
    else
      input.role = *role;
  }
  input.timezone = "UTC";
  if (auto timezone = reader.optional_string("timezone", 1, 64)) {
    if (!app::is_known_time_zone(*timezone))
      reader.add_error("timezone", "must be an IANA time zone such as Europe/Berlin");
    else
      input.timezone = *timezone;
  }
  reader.finish();
  return input;
}

Credentials read_login(const boost::json::object& body) {
  FieldReader reader(body);
  Credentials credentials;
  if (auto email = reader.required_string("email", 1, 254))
    credentials.email = domain::normalize_email(*email);
  auto raw = body.find("password");
  if (raw == body.end() || !raw->value().is_string() || raw->value().as_string().empty())
    reader.add_error("password", "is required");
  else if (raw->value().as_string().size() > 1024)
    reader.add_error("password", "is too long");
  else
    credentials.password = std::string(raw->value().as_string());
  reader.finish();
  return credentials;
}

app::AccountChanges read_account_changes(const boost::json::object& body) {
  FieldReader reader(body);
  reader.reject("role", "cannot be changed here");
  reader.reject("email", "cannot be changed here");
  reader.reject("password", "is changed through the password reset");
  reader.reject("id", "cannot be changed");
  app::AccountChanges changes;
  changes.name = reader.optional_string("name", 1, 100);
  if (auto timezone = reader.optional_string("timezone", 1, 64)) {
    if (!app::is_known_time_zone(*timezone))
      reader.add_error("timezone", "must be an IANA time zone such as Europe/Berlin");
    else
      changes.timezone = timezone;
  }
  if (auto phone = body.find("phone"); phone != body.end()) {
    if (phone->value().is_null()) {
      changes.phone = std::optional<std::string>{};
    } else if (auto number = reader.optional_string("phone", 8, 16)) {
      // E.164: a plus and 7 to 15 digits, the first not zero.
      bool valid = (*number)[0] == '+' && (*number)[1] != '0' &&
                   std::all_of(number->begin() + 1, number->end(),
                               [](char c) { return c >= '0' && c <= '9'; });
      if (valid)
        changes.phone = std::optional<std::string>{*number};
      else
        reader.add_error("phone", "must be an international number such as +14155550123");
    }
  }
  changes.sms_opt_in = reader.optional_bool("smsOptIn");
  reader.finish();
  return changes;
}

app::ProfileChanges read_profile_changes(const boost::json::object& body) {
  FieldReader reader(body);
  app::ProfileChanges changes;
  if (reader.has("headline")) changes.headline = reader.optional_string("headline", 0, 120);
  if (reader.has("bio")) changes.bio = reader.optional_string("bio", 0, 5000);
  changes.specialties = reader.optional_string_list("specialties", 20, 40);
  if (auto languages = reader.optional_string_list("languages", 20, 35)) {
    for (const auto& tag : *languages) {
      bool ok = tag.size() >= 2 && std::all_of(tag.begin(), tag.end(), [](char c) {
                  return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
                });
      if (!ok) reader.add_error("languages", "items must be language tags such as en or pt-BR");
    }
    changes.languages = languages;
  }
  if (auto photo = body.find("photoUrl"); photo != body.end()) {
    if (photo->value().is_null()) {
      changes.photo_url = std::optional<std::string>{};
    } else if (auto url = reader.optional_string("photoUrl", 1, 2000)) {
      if (!url->starts_with("https://") && !url->starts_with("http://"))
        reader.add_error("photoUrl", "must be an http:// or https:// address");
      else
        changes.photo_url = std::optional<std::string>{*url};
    }
  }
  reader.finish();
  return changes;
}

PasswordReset read_password_reset(const boost::json::object& body) {
  FieldReader reader(body);
  PasswordReset reset;
  if (auto token = reader.required_string("token", 1, 200)) reset.token = *token;
  read_new_password(reader, body, reset.password);
  reader.finish();
  return reset;
}

std::string read_required_token(const boost::json::object& body, std::string_view field) {
  FieldReader reader(body);
  auto value = reader.required_string(field, 1, 1000);
  reader.finish();
  return *value;
}

}  // namespace confer::http
