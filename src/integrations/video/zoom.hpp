#pragma once
// Zoom meetings. The platform's Server-to-Server OAuth app (ZOOM_ACCOUNT_ID)
// gets an access token from zoom.us/oauth/token (grant account_credentials),
// kept until a minute before it expires; a specialist who connected their own
// Zoom account (user OAuth, see app/zoom_accounts) gets meetings on it with
// their token. Meetings are made, moved and deleted by the booking jobs.
// Secrets are never logged.
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/video.hpp"
#include "app/zoom_accounts.hpp"
#include "integrations/http_client.hpp"

namespace confer::integrations {

struct ZoomSettings {
  std::string account_id;     // ZOOM_ACCOUNT_ID: the platform's own account (S2S); may be empty
  std::string client_id;      // ZOOM_CLIENT_ID
  std::string client_secret;  // ZOOM_CLIENT_SECRET
  std::string oauth_base = "https://zoom.us";       // ZOOM_OAUTH_BASE (tests: a stub)
  std::string api_base = "https://api.zoom.us/v2";  // ZOOM_API_BASE (tests: a mock)
  std::string redirect_uri;                         // ZOOM_REDIRECT_URI (user OAuth)
};

// The JSON body of a meeting create or update. Pure.
std::string zoom_meeting_body(const app::MeetingRequest& request);

class ZoomMeetings final : public app::VideoProvider,
                           public app::MeetingHost,
                           public app::ZoomOAuth {
 public:
  ZoomMeetings(ZoomSettings settings, const app::Clock& clock)
      : settings_(std::move(settings)), clock_(clock) {}

  // No API call inside a transaction: the confirmation job makes the meeting.
  app::Meeting create_meeting(const std::string&) override { return {"zoom", ""}; }

  std::optional<app::HostedMeeting> create(const app::MeetingRequest& request) override;
  void update(const std::string& meeting_id, const app::MeetingRequest& request) override;
  void remove(const std::string& meeting_id, const std::string& host_user_id) override;

  // The user-app token endpoint (authorization code, refresh).
  app::OAuthTokens exchange_code(const std::string& code) override;
  app::OAuthTokens refresh(const std::string& refresh_token) override;

  // Where a specialist's own token comes from (their connected account).
  void set_user_tokens(std::function<std::optional<std::string>(const std::string&)> source) {
    user_tokens_ = std::move(source);
  }

 private:
  std::string platform_token();
  // The specialist's token if they connected Zoom, else the platform's.
  std::optional<std::string> token_for(const std::string& host_user_id);
  app::OAuthTokens token_request(const std::string& form);
  HttpResponse call(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& token);

  ZoomSettings settings_;
  const app::Clock& clock_;
  HttpClient http_;
  std::mutex token_mutex_;
  std::string token_;
  std::int64_t token_expires_ms_ = 0;
  std::function<std::optional<std::string>(const std::string&)> user_tokens_;
};

}  // namespace confer::integrations
