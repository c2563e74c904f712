#pragma once
// Jitsi Meet links: https://meet.jit.si/Confer-<128 random bits>. No account,
// no API call; the room exists when the first person joins.
#include <string>

#include "app/video.hpp"

namespace confer::integrations {

class JitsiMeetings final : public app::VideoProvider {
 public:
  explicit JitsiMeetings(std::string base_url = "https://meet.jit.si")
      : base_url_(std::move(base_url)) {}
  app::Meeting create_meeting(const std::string& booking_id) override;

 private:
  std::string base_url_;
};

}  // namespace confer::integrations
