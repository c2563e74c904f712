#pragma once
// The port for video meetings. Out of the box, Jitsi Meet: a room name that
// cannot be guessed is all a meeting needs. Zoom plugs in behind it.
#include <cstdint>
#include <optional>
#include <string>

namespace confer::app {

struct Meeting {
  std::string provider;  // "jitsi", "zoom"
  std::string join_url;
};

class VideoProvider {
 public:
  virtual ~VideoProvider() = default;
  // Called inside the confirmation's transaction, so it must not call out:
  // a provider with an API (Zoom) returns an empty join URL here and its
  // meeting is made by the confirmation job (see MeetingHost).
  virtual Meeting create_meeting(const std::string& booking_id) = 0;
};

struct MeetingRequest {
  std::string host_user_id;  // the specialist: their own Zoom account when connected
  std::string topic;
  std::int64_t start_ms = 0;
  int duration_minutes = 0;
};

struct HostedMeeting {
  std::string id;        // the provider's meeting id
  std::string join_url;  // for both parties
  std::string host_url;  // starts the meeting as host: the specialist's only
};

// A provider whose meetings are made, moved and removed through its API, by
// jobs, outside any database transaction.
class MeetingHost {
 public:
  virtual ~MeetingHost() = default;
  // nullopt when there is no account to host it (no platform account, and
  // the specialist has not connected theirs): the caller falls back.
  virtual std::optional<HostedMeeting> create(const MeetingRequest& request) = 0;
  virtual void update(const std::string& meeting_id, const MeetingRequest& request) = 0;
  virtual void remove(const std::string& meeting_id, const std::string& host_user_id) = 0;
};

}  // namespace confer::app
