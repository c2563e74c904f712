#pragma once
// Zoom's webhook events: the x-zm-signature check on the raw body (v0 HMAC,
// 300 s tolerance), Zoom's endpoint.url_validation challenge, and the meeting
// events applied once each, in the transaction that records them:
// meeting.started → session in progress, meeting.ended → completed,
// recording.completed → the recording on the booking and a job that mails
// the customer its link. Zoom's JSON is read by the integration
// (integrations/video/zoom_events) into a ZoomEvent.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/clock.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

enum class ZoomEventType {
  url_validation,       // Zoom checks the endpoint: answer its challenge
  meeting_started,      //
  meeting_ended,        //
  recording_completed,  // a cloud recording is ready
  other,                // recorded (so never applied twice), then ignored
};

struct ZoomRecording {
  std::string id;                                // the MP4 file's, else the meeting instance's
  std::string url;                               // the share link, else the MP4's play link
  std::optional<std::int64_t> duration_minutes;  // when Zoom says
};

struct ZoomEvent {
  ZoomEventType type = ZoomEventType::other;
  std::string type_name;    // Zoom's "event", recorded with the key
  std::string key;          // names the event once (Zoom sends no event id)
  std::string plain_token;  // url_validation: what to sign
  std::string meeting_id;   // Zoom's meeting id, as we stored it with the booking
  ZoomRecording recording;  // recording_completed
};

// Reads the raw body (its signature already checked) into an event; throws
// Error::bad_request when it is not one.
using ZoomEventReader = std::function<ZoomEvent(std::string_view body)>;

// endpoint.url_validation's answer: the token Zoom sent, signed with the
// webhook secret (hex HMAC-SHA256).
struct ZoomChallenge {
  std::string plain_token;
  std::string encrypted_token;
};

struct ZoomWebhookResult {
  std::optional<ZoomChallenge> challenge;
  bool applied = false;
};

class ZoomWebhooks {
 public:
  ZoomWebhooks(ports::UnitOfWork& work, const Clock& clock, std::string secret,
               ZoomEventReader read_event)
      : work_(work),
        clock_(clock),
        secret_(std::move(secret)),
        read_event_(std::move(read_event)) {}

  // Throws Error::unauthenticated for a missing, stale or wrong signature.
  ZoomWebhookResult handle(std::string_view body, std::string_view signature,
                           std::string_view timestamp);

 private:
  // meeting.started, meeting.ended and recording.completed, once each.
  bool apply(const ZoomEvent& event, std::int64_t now);

  ports::UnitOfWork& work_;
  const Clock& clock_;
  std::string secret_;
  ZoomEventReader read_event_;
};

}  // namespace confer::app
