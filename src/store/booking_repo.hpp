#pragma once
// Bookings: rows in, rows out, as domain::Booking. The rules live in
// domain/booking and the use cases in app/.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/booking_ports.hpp"
#include "domain/booking.hpp"
#include "store/database.hpp"

namespace confer::store {

// No booking with its guard spans more than this (services last at most 8
// hours, buffers 4): overlap queries use it to bound their index range scans.
constexpr std::int64_t longest_booking_ms = 13 * 3'600'000;

using BookingFilter = app::ports::BookingFilter;
using RunningHolds = app::ports::RunningHolds;

class BookingRepo final : public app::ports::Bookings {
 public:
  explicit BookingRepo(Session& session) : session_(session) {}

  void insert(const domain::Booking& booking) override;
  void update(const domain::Booking& booking) override;  // every mutable column
  std::optional<domain::Booking> find(const std::string& id) override;
  std::vector<domain::Booking> list(const BookingFilter& filter) override;
  std::int64_t count(const BookingFilter& filter) override;
  // Active bookings of the customer overlapping [start, end), other than `except_id`.
  bool customer_has_overlap(const std::string& customer_id, std::int64_t start, std::int64_t end,
                            const std::string& except_id) override;
  // Active bookings of the specialist whose guards overlap [start, end).
  bool specialist_has_overlap(const std::string& specialist_id, std::int64_t guard_start,
                              std::int64_t guard_end, const std::string& except_id) override;
  // At `now`. Transactions counting one customer's holds take turns, so that
  // a count and the hold added after it cannot both slip past a limit.
  RunningHolds running_holds(const std::string& customer_id, const std::string& specialist_id,
                             std::int64_t now) override;
  // Pending bookings whose hold ended by `now` (optionally of one person).
  std::vector<domain::Booking> expired_holds(std::int64_t now,
                                             const std::string& user_id = {}) override;

 private:
  Session& session_;
};

}  // namespace confer::store
