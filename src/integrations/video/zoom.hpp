#pragma once
// Zoom meetings through the platform's Server-to-Server OAuth app: an access
// token from zoom.us/oauth/token (grant account_credentials), kept until a
// minute before it expires; meetings created, moved and deleted through the
// REST API by the booking jobs. Secrets are never logged.
#include <cstdint>
#include <mutex>
#include <string>

#include "app/clock.hpp"
#include "app/video.hpp"
#include "integrations/http_client.hpp"

namespace confer::integrations {

struct ZoomSettings {
  std::string account_id;                           // ZOOM_ACCOUNT_ID
  std::string client_id;                            // ZOOM_CLIENT_ID
  std::string client_secret;                        // ZOOM_CLIENT_SECRET
  std::string oauth_base = "https://zoom.us";       // ZOOM_OAUTH_BASE (tests: a stub)
  std::string api_base = "https://api.zoom.us/v2";  // ZOOM_API_BASE (tests: a mock)
};

// The JSON body of a meeting create or update. Pure.
std::string zoom_meeting_body(const app::MeetingRequest& request);

class ZoomMeetings final : public app::VideoProvider, public app::MeetingHost {
 public:
  ZoomMeetings(ZoomSettings settings, const app::Clock& clock)
      : settings_(std::move(settings)), clock_(clock) {}

  // No API call inside a transaction: the confirmation job makes the meeting.
  app::Meeting create_meeting(const std::string&) override { return {"zoom", ""}; }

  app::HostedMeeting create(const app::MeetingRequest& request) override;
  void update(const std::string& meeting_id, const app::MeetingRequest& request) override;
  void remove(const std::string& meeting_id) override;

 private:
  std::string access_token();
  HttpResponse call(const std::string& method, const std::string& path, const std::string& body);

  ZoomSettings settings_;
  const app::Clock& clock_;
  HttpClient http_;
  std::mutex token_mutex_;
  std::string token_;
  std::int64_t token_expires_ms_ = 0;
};

}  // namespace confer::integrations
