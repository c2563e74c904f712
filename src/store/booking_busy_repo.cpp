#include "store/booking_busy_repo.hpp"

#include "store/booking_repo.hpp"

namespace confer::store {

namespace {

// Active bookings of the specialist overlapping [$2, $3) at $4; an expired
// payment hold no longer counts. $5 (no booking is longer) bounds the index
// range scan.
constexpr const char* busy_where =
    " FROM bookings WHERE specialist_id = $1 AND guard_start_at < $3"
    " AND guard_start_at > CAST($2 AS BIGINT) - CAST($5 AS BIGINT) AND active = 1"
    " AND guard_end_at > $2"
    " AND (status <> 'pending' OR hold_expires_at IS NULL OR hold_expires_at > $4)";

constexpr const char* hold_column =
    "COALESCE(CASE WHEN status = 'pending' THEN hold_expires_at END, 0)";

}  // namespace

std::vector<BusyTime> busy_times(Session& session, const std::string& specialist_id,
                                 std::int64_t from, std::int64_t to, std::int64_t now) {
  std::vector<BusyTime> busy;
  for (const auto& row : session.query(std::string("SELECT start_at, end_at, ") + hold_column +
                                           busy_where + " ORDER BY start_at",
                                       {specialist_id, from, to, now, longest_booking_ms}))
    busy.push_back({row.integer(0), row.integer(1), row.integer(2)});
  return busy;
}

ScheduleStamp schedule_stamp(Session& session, const std::string& specialist_id, std::int64_t from,
                             std::int64_t to, std::int64_t now) {
  ScheduleStamp stamp;
  // The version row (kind 0) first, then the busy times (kind 1) by start.
  for (const auto& row :
       session.query(std::string("SELECT 0 AS kind, version AS a, 0 AS b, 0 AS c"
                                 " FROM schedule_versions WHERE specialist_id = $1"
                                 " UNION ALL SELECT 1, start_at, end_at, ") +
                         hold_column + busy_where + " ORDER BY 1, 2",
                     {specialist_id, from, to, now, longest_booking_ms})) {
    if (row.integer(0) == 0)
      stamp.version = row.integer(1);
    else
      stamp.busy.push_back({row.integer(1), row.integer(2), row.integer(3)});
  }
  return stamp;
}

}  // namespace confer::store
