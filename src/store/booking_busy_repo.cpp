#include "store/booking_busy_repo.hpp"

#include "store/booking_repo.hpp"

namespace confer::store {

std::vector<BusyTime> busy_times(Session& session, const std::string& specialist_id,
                                 std::int64_t from, std::int64_t to, std::int64_t now) {
  std::vector<BusyTime> busy;
  for (const auto& row :
       session.query("SELECT start_at, end_at FROM bookings WHERE specialist_id = $1 AND active = 1"
                     " AND guard_end_at > $2 AND guard_start_at < $3 AND guard_end_at < CAST($3 AS "
                     "BIGINT) + CAST($5 AS BIGINT)"
                     " AND (status <> 'pending' OR hold_expires_at IS NULL OR hold_expires_at > $4)"
                     " ORDER BY start_at",
                     {specialist_id, from, to, now, longest_booking_ms}))
    busy.push_back({row.integer(0), row.integer(1)});
  return busy;
}

}  // namespace confer::store
