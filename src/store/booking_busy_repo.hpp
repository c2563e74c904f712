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
  bool operator==(const BusyTime&) const = default;
};

// Active bookings of the specialist that end after `from` and start before
// `to`, ordered by start.
std::vector<BusyTime> busy_times(Session& session, const std::string& specialist_id,
                                 std::int64_t from, std::int64_t to, std::int64_t now);

}  // namespace confer::store
