#pragma once
// Running a session: the specialist starts and ends it or marks the customer
// absent; the video provider's own events (a meeting started or ended) move
// it too, inside the transaction that records the event.
#include <cstdint>
#include <string>

#include "app/bookings/booking_types.hpp"
#include "app/clock.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

class BookingSessions {
 public:
  BookingSessions(ports::UnitOfWork& work, const Clock& clock) : work_(work), clock_(clock) {}

  BookingView start(const std::string& specialist_id, const std::string& booking_id);
  BookingView end(const std::string& specialist_id, const std::string& booking_id);
  BookingView mark_no_show(const std::string& specialist_id, const std::string& booking_id);

  // The provider says its meeting started or ended at `at`. False when the
  // booking is not in a state the event moves (a repeated or late event).
  static bool meeting_started(ports::Transaction& tx, const std::string& booking_id,
                              std::int64_t at);
  static bool meeting_ended(ports::Transaction& tx, const std::string& booking_id, std::int64_t at);
  // A session started but never ended (no webhook, no click), found by its
  // follow-up after the end: completed at its planned end.
  static bool complete_overdue(ports::Transaction& tx, const std::string& booking_id,
                               std::int64_t now);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
};

}  // namespace confer::app
