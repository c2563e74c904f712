#include "http/json_views.hpp"

#include <boost/json.hpp>

#include "domain/instant_format.hpp"

namespace confer::http {

std::string iso_utc(std::int64_t unix_ms) {
  using namespace std::chrono;
  sys_seconds instant{seconds{unix_ms >= 0 ? unix_ms / 1000 : (unix_ms - 999) / 1000}};
  return domain::format_utc(instant);
}

boost::json::object user_json(const store::UserRecord& user) {
  boost::json::object json{
      {"id", user.id},     {"email", user.email},       {"name", user.name},
      {"role", user.role}, {"timezone", user.timezone}, {"createdAt", iso_utc(user.created_at)}};
  json["phone"] = user.phone ? boost::json::value(*user.phone) : nullptr;
  json["smsOptIn"] = user.sms_opt_in;
  return json;
}

boost::json::object tokens_json(const app::IssuedTokens& tokens) {
  return {{"accessToken", tokens.access_token},
          {"refreshToken", tokens.refresh_token},
          {"expiresIn", tokens.expires_in}};
}

boost::json::object auth_result_json(const app::AuthResult& result) {
  auto body = tokens_json(result.tokens);
  body["user"] = user_json(result.user);
  return body;
}

boost::json::object profile_json(const app::SpecialistProfile& p) {
  boost::json::object body{{"userId", p.user.id},
                           {"name", p.user.name},
                           {"headline", p.profile.headline},
                           {"bio", p.profile.bio},
                           {"specialties", boost::json::parse(p.profile.specialties_json)},
                           {"languages", boost::json::parse(p.profile.languages_json)},
                           {"timezone", p.user.timezone}};
  if (p.profile.photo_url)
    body["photoUrl"] = *p.profile.photo_url;
  else
    body["photoUrl"] = nullptr;
  return body;
}

}  // namespace confer::http
