#pragma once
// The time a specialist's active bookings take, for slot computation. A
// pending booking whose payment hold has expired no longer takes time.
#include <cstdint>
#include <vector>

#include "store/database.hpp"

namespace confer::store {

struct BusyTime {
  std::int64_t start_at;  // Unix ms
  std::int64_t end_at;
  // When an unpaid hold stops taking this time (Unix ms); 0 for a booking
  // that is not waiting for payment.
  std::int64_t hold_expires_at = 0;
  bool operator==(const BusyTime&) const = default;
};

// Active bookings of the specialist that end after `from` and start before
// `to`, ordered by start.
std::vector<BusyTime> busy_times(Session& session, const std::string& specialist_id,
                                 std::int64_t from, std::int64_t to, std::int64_t now);

// The specialist's schedule version (migration 0007) and their busy times in
// [from, to), in one statement: what a cached slot list is checked against.
struct ScheduleStamp {
  std::int64_t version = 0;
  std::vector<BusyTime> busy;
};
ScheduleStamp schedule_stamp(Session& session, const std::string& specialist_id, std::int64_t from,
                             std::int64_t to, std::int64_t now);

}  // namespace confer::store
