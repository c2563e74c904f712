#include "store/meeting_repo.hpp"

namespace confer::store {
namespace {

constexpr const char* columns =
    "SELECT booking_id, provider, meeting_id, join_url, host_url, recording_id, recording_url,"
    " recording_duration_minutes, recording_expires_at, recording_is_public, created_at,"
    " updated_at FROM booking_meetings";

MeetingRecord to_meeting(const Row& row) {
  return {row.text(0),
          row.text(1),
          row.text(2),
          row.text(3),
          row.optional_text(4),
          row.optional_text(5),
          row.optional_text(6),
          row.optional_integer(7),
          row.optional_integer(8),
          row.boolean(9),
          row.integer(10),
          row.integer(11)};
}

}  // namespace

std::optional<MeetingRecord> MeetingRepo::for_booking(const std::string& booking_id) {
  auto row = session_.query_one(std::string(columns) + " WHERE booking_id = $1", {booking_id});
  if (!row) return std::nullopt;
  return to_meeting(*row);
}

std::vector<MeetingRecord> MeetingRepo::for_bookings(const std::vector<std::string>& booking_ids) {
  std::vector<MeetingRecord> meetings;
  if (booking_ids.empty()) return meetings;
  Params params;
  const auto sql =
      std::string(columns) + " WHERE booking_id IN (" + in_list(params, booking_ids) + ")";
  for (const auto& row : session_.query(sql, params)) meetings.push_back(to_meeting(row));
  return meetings;
}

std::optional<MeetingRecord> MeetingRepo::by_meeting(const std::string& provider,
                                                     const std::string& meeting_id) {
  auto row = session_.query_one(std::string(columns) + " WHERE provider = $1 AND meeting_id = $2",
                                {provider, meeting_id});
  if (!row) return std::nullopt;
  return to_meeting(*row);
}

void MeetingRepo::insert(const MeetingRecord& m) {
  session_.execute(
      "INSERT INTO booking_meetings (booking_id, provider, meeting_id, join_url, host_url,"
      " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)",
      {m.booking_id, m.provider, m.meeting_id, m.join_url, optional_param(m.host_url),
       m.created_at});
  session_.execute("UPDATE bookings SET meeting_provider = $2, meeting_url = $3 WHERE id = $1",
                   {m.booking_id, m.provider, m.join_url});
}

void MeetingRepo::save_recording(const MeetingRecord& m) {
  session_.execute(
      "UPDATE booking_meetings SET recording_id = $2, recording_url = $3,"
      " recording_duration_minutes = $4, recording_expires_at = $5, recording_is_public = $6,"
      " updated_at = $7 WHERE booking_id = $1",
      {m.booking_id, optional_param(m.recording_id), optional_param(m.recording_url),
       optional_param(m.recording_duration_minutes), optional_param(m.recording_expires_at),
       std::int64_t{m.recording_is_public}, m.updated_at});
}

void MeetingRepo::set_link(const std::string& booking_id, const std::string& provider,
                           const std::string& url) {
  session_.execute("UPDATE bookings SET meeting_provider = $2, meeting_url = $3 WHERE id = $1",
                   {booking_id, provider, url});
}

void MeetingRepo::remove(const std::string& booking_id) {
  session_.execute("DELETE FROM booking_meetings WHERE booking_id = $1", {booking_id});
}

}  // namespace confer::store
