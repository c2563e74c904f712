#pragma once
// The time a specialist's active bookings take, for slot computation. A
// pending booking whose payment hold has expired no longer takes time.
#include <cstdint>
#include <vector>

#include "app/ports/catalog_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

using BusyTime = app::BusyTime;
using ScheduleStamp = app::ports::ScheduleStamp;

// Active bookings of the specialist that end after `from` and start before
// `to`, ordered by start.
std::vector<BusyTime> busy_times(Session& session, const std::string& specialist_id,
                                 std::int64_t from, std::int64_t to, std::int64_t now);

// The specialist's schedule version (migration 0007) and their busy times in
// [from, to), in one statement: what a cached slot list is checked against.
ScheduleStamp schedule_stamp(Session& session, const std::string& specialist_id, std::int64_t from,
                             std::int64_t to, std::int64_t now);

class BusyTimesRepo final : public app::ports::BusyTimes {
 public:
  explicit BusyTimesRepo(Session& session) : session_(session) {}

  std::vector<BusyTime> busy(const std::string& specialist_id, std::int64_t from, std::int64_t to,
                             std::int64_t now) override {
    return busy_times(session_, specialist_id, from, to, now);
  }
  ScheduleStamp stamp(const std::string& specialist_id, std::int64_t from, std::int64_t to,
                      std::int64_t now) override {
    return schedule_stamp(session_, specialist_id, from, to, now);
  }

 private:
  Session& session_;
};

}  // namespace confer::store
