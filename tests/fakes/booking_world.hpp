#pragma once
// Building a BookingWorld for a use-case test: people, a specialist open
// every day, a published service, a video provider that needs no API.
#include <cstdint>
#include <string>

#include "app/video.hpp"
#include "fakes/booking_fakes.hpp"

namespace confer::fakes {

class StubVideo final : public app::VideoProvider {
 public:
  app::Meeting create_meeting(const std::string& booking_id) override {
    return {"jitsi", "https://meet.example/" + booking_id};
  }
};

// An account; its id is also its name and (with "@x.co") its email.
app::UserRecord& add_user(BookingWorld& world, const std::string& id, const std::string& role,
                          const std::string& zone = "UTC");
// The specialist's rules: `start`–`end` in `zone` every day, 60-minute slots.
void open_every_day(BookingWorld& world, const std::string& specialist_id,
                    const std::string& start = "09:00", const std::string& end = "17:00",
                    const std::string& zone = "UTC");
// A published 60-minute service at `price` minor units (USD); full refund
// 24 hours ahead, half after.
app::ServiceRecord& add_service(BookingWorld& world, const std::string& id,
                                const std::string& specialist_id, std::int64_t price);

}  // namespace confer::fakes
