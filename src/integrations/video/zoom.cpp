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
  const domain::Instant start{std::chrono::seconds{request.start_ms / 1000}};
  return boost::json::serialize(boost::json::object{
      {"topic", request.topic},
      {"type", 2},  // a scheduled meeting
      {"start_time", domain::format_utc(start)},
      {"duration", request.duration_minutes},
      {"timezone", "UTC"},
      {"settings",
       {{"join_before_host", false}, {"waiting_room", true}, {"auto_recording", "cloud"}}}});
}

std::string ZoomMeetings::access_token() {
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

HttpResponse ZoomMeetings::call(const std::string& method, const std::string& path,
                                const std::string& body) {
  HttpRequest request;
  request.method = method;
  request.url = settings_.api_base + path;
  request.body = body;
  request.headers = {{"Authorization", "Bearer " + access_token()}};
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  return http_.send(request);
}

app::HostedMeeting ZoomMeetings::create(const app::MeetingRequest& request) {
  auto response = call("POST", "/users/me/meetings", zoom_meeting_body(request));
  if (response.status != 201) refused("meeting creation", response);
  auto json = boost::json::parse(response.body).as_object();
  return {text(json, "id"), text(json, "join_url"), text(json, "start_url")};
}

void ZoomMeetings::update(const std::string& meeting_id, const app::MeetingRequest& request) {
  auto response = call("PATCH", "/meetings/" + meeting_id, zoom_meeting_body(request));
  if (response.status != 204 && response.status != 404) refused("meeting update", response);
}

void ZoomMeetings::remove(const std::string& meeting_id) {
  auto response = call("DELETE", "/meetings/" + meeting_id, "");
  // Already gone is what we wanted.
  if (response.status != 204 && response.status != 404) refused("meeting deletion", response);
}

}  // namespace confer::integrations
