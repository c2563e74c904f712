#pragma once
// Provider meetings of bookings and their recordings (migration 0011).
#include <cstdint>
#include <optional>
#include <string>

#include "app/ports/records.hpp"
#include "store/database.hpp"

namespace confer::store {

using MeetingRecord = app::MeetingRecord;

class MeetingRepo {
 public:
  explicit MeetingRepo(Session& session) : session_(session) {}

  std::optional<MeetingRecord> for_booking(const std::string& booking_id);
  std::optional<MeetingRecord> by_meeting(const std::string& provider,
                                          const std::string& meeting_id);
  // Records the meeting and puts its join URL on the booking.
  void insert(const MeetingRecord& meeting);
  void save_recording(const MeetingRecord& meeting);
  // A link that needs no meeting row (Jitsi) put on the booking.
  void set_link(const std::string& booking_id, const std::string& provider, const std::string& url);
  void remove(const std::string& booking_id);

 private:
  Session& session_;
};

}  // namespace confer::store
