#pragma once
// The port for video meetings. Out of the box, Jitsi Meet: a room name that
// cannot be guessed is all a meeting needs. Zoom plugs in behind it.
#include <string>

namespace confer::app {

struct Meeting {
  std::string provider;  // "jitsi", "zoom"
  std::string join_url;
};

class VideoProvider {
 public:
  virtual ~VideoProvider() = default;
  virtual Meeting create_meeting(const std::string& booking_id) = 0;
};

}  // namespace confer::app
