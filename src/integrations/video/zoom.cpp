#include "integrations/video/zoom.hpp"

#include <boost/json.hpp>

#include "app/errors.hpp"
#include "domain/instant_format.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::integrations {
namespace {

std::string text(const boost::json::object& object, std::string_view key) {
  auto* value = object.if_contains(key);
  if (!value) return {};
  if (value->is_string()) return std::string(value->as_string());
  if (value->is_int64()) return std::to_string(value->as_int64());
  if (value->is_uint64()) return std::to_string(value->as_uint64());
  return {};
}

[[noreturn]] void refused(const std::string& what, const HttpResponse& response) {
  throw app::Error(app::ErrorKind::upstream,
                   "Zoom " + what + " answered " + std::to_string(response.status));
}

}  // namespace

std::string zoom_meeting_body(const app::MeetingRequest& request) {
  const auto start = domain::from_unix_ms(request.start_ms);
  return boost::json::serialize(boost::json::object{
      {"topic", request.topic},
      {"type", 2},  // a scheduled meeting
      {"start_time", domain::format_utc(start)},
      {"duration", request.duration_minutes},
      {"timezone", "UTC"},
      {"settings",
       {{"join_before_host", false}, {"waiting_room", true}, {"auto_recording", "cloud"}}}});
}

std::string ZoomMeetings::platform_token() {
  std::lock_guard lock(token_mutex_);
  const auto now = clock_.now_ms();
  if (!token_.empty() && now < token_expires_ms_) return token_;
  HttpRequest request;
  request.url = settings_.oauth_base +
                "/oauth/token?grant_type=account_credentials&account_id=" + settings_.account_id;
  request.basic_user = settings_.client_id;
  request.basic_password = settings_.client_secret;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  auto response = http_.send(request);
  if (response.status != 200) refused("sign-in", response);
  auto json = boost::json::parse(response.body).as_object();
  token_ = text(json, "access_token");
  auto* expires = json.if_contains("expires_in");
  const std::int64_t seconds = expires && expires->is_int64() ? expires->as_int64() : 3600;
  // Renewed a minute early, so no call goes out with a token about to lapse.
  token_expires_ms_ = now + (seconds - 60) * 1000;
  return token_;
}

std::optional<std::string> ZoomMeetings::token_for(const std::string& host_user_id) {
  if (user_tokens_ && !host_user_id.empty())
    if (auto own = user_tokens_(host_user_id)) return own;
  if (settings_.account_id.empty()) return std::nullopt;
  return platform_token();
}

app::OAuthTokens ZoomMeetings::token_request(const std::string& form) {
  HttpRequest request;
  request.url = settings_.oauth_base + "/oauth/token";
  request.basic_user = settings_.client_id;
  request.basic_password = settings_.client_secret;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  request.body = form;
  auto response = http_.send(request);
  if (response.status != 200) refused("authorization", response);
  auto json = boost::json::parse(response.body).as_object();
  auto* expires = json.if_contains("expires_in");
  return {text(json, "access_token"), text(json, "refresh_token"),
          expires && expires->is_int64() ? expires->as_int64() : 3600};
}

app::OAuthTokens ZoomMeetings::exchange_code(const std::string& code) {
  return token_request(form_urlencode({{"grant_type", "authorization_code"},
                                       {"code", code},
                                       {"redirect_uri", settings_.redirect_uri}}));
}

app::OAuthTokens ZoomMeetings::refresh(const std::string& refresh_token) {
  return token_request(
      form_urlencode({{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}}));
}

HttpResponse ZoomMeetings::call(const std::string& method, const std::string& path,
                                const std::string& body, const std::string& token) {
  HttpRequest request;
  request.method = method;
  request.url = settings_.api_base + path;
  request.body = body;
  request.headers = {{"Authorization", "Bearer " + token}};
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  return http_.send(request);
}

std::optional<app::HostedMeeting> ZoomMeetings::create(const app::MeetingRequest& request) {
  auto token = token_for(request.host_user_id);
  if (!token) return std::nullopt;
  auto response = call("POST", "/users/me/meetings", zoom_meeting_body(request), *token);
  if (response.status != 201) refused("meeting creation", response);
  auto json = boost::json::parse(response.body).as_object();
  return app::HostedMeeting{text(json, "id"), text(json, "join_url"), text(json, "start_url")};
}

void ZoomMeetings::update(const std::string& meeting_id, const app::MeetingRequest& request) {
  auto token = token_for(request.host_user_id);
  if (!token) return;  // the account that hosts it is gone
  auto response = call("PATCH", "/meetings/" + meeting_id, zoom_meeting_body(request), *token);
  if (response.status != 204 && response.status != 404) refused("meeting update", response);
}

void ZoomMeetings::remove(const std::string& meeting_id, const std::string& host_user_id) {
  auto token = token_for(host_user_id);
  if (!token) return;
  auto response = call("DELETE", "/meetings/" + meeting_id, "", *token);
  // Already gone is what we wanted.
  if (response.status != 204 && response.status != 404) refused("meeting deletion", response);
}

}  // namespace confer::integrations
