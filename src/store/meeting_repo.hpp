#pragma once
// Provider meetings of bookings and their recordings (migration 0011).
#include <cstdint>
#include <optional>
#include <string>

#include "app/ports/money_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

using MeetingRecord = app::MeetingRecord;

class MeetingRepo final : public app::ports::Meetings {
 public:
  explicit MeetingRepo(Session& session) : session_(session) {}

  std::optional<MeetingRecord> for_booking(const std::string& booking_id) override;
  std::vector<MeetingRecord> for_bookings(const std::vector<std::string>& booking_ids);
  std::optional<MeetingRecord> by_meeting(const std::string& provider,
                                          const std::string& meeting_id) override;
  // Records the meeting and puts its join URL on the booking.
  void insert(const MeetingRecord& meeting) override;
  void save_recording(const MeetingRecord& meeting) override;
  // A link that needs no meeting row (Jitsi) put on the booking.
  void set_link(const std::string& booking_id, const std::string& provider,
                const std::string& url) override;
  void remove(const std::string& booking_id) override;

 private:
  Session& session_;
};

}  // namespace confer::store
