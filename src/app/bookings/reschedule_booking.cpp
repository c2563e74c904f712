#include "app/bookings/reschedule_booking.hpp"

#include "app/booking_events.hpp"
#include "app/bookings/booking_steps.hpp"
#include "app/errors.hpp"

namespace confer::app {
namespace {

using booking_steps::to_ms;

void move(ports::Transaction& tx, ParsedRulesCache& rules, domain::Booking& b,
          const std::string& user_id, const std::string& slot_id, std::int64_t now) {
  const auto ref = booking_steps::parse_slot(slot_id);
  if (ref.service_id != b.service_id)
    throw Error::invalid_field("slotId", "must be a slot of the same service");
  if (b.status != domain::BookingStatus::pending && b.status != domain::BookingStatus::confirmed)
    throw Error::conflict("Only a pending or confirmed booking can be rescheduled.");
  // The rules and blocked times decide the slot; bookings other than this
  // one decide whether it is free.
  const auto check = booking_steps::read_slot(tx, rules, b.customer_id, ref, now).slot;
  const auto start = to_ms(check.slot.start), end = to_ms(check.slot.end);
  const auto guard = domain::booking_guard(start, end, check.buffer_minutes);
  if (tx.bookings().specialist_has_overlap(b.specialist_id, guard.start_ms, guard.end_ms, b.id))
    throw Error::conflict(booking_steps::slot_taken);
  if (tx.bookings().customer_has_overlap(b.customer_id, start, end, b.id))
    throw Error::conflict("The customer already has a booking at that time.");
  const auto previous_start = b.start_at, previous_end = b.end_at;
  booking_steps::record(
      tx, b,
      b.move_to_slot({domain::slot_id(check.service.id, check.slot.start), start, end, guard},
                     user_id, now));
  if (b.status == domain::BookingStatus::confirmed)
    on_booking_rescheduled(tx.outbox(), b, previous_start, previous_end, now);
}

}  // namespace

BookingView RescheduleBooking::operator()(const std::string& user_id, const std::string& booking_id,
                                          const std::string& new_slot_id) {
  try {
    return booking_steps::change(work_, clock_.now_ms(), user_id, booking_id,
                                 [&](ports::Transaction& tx, domain::Booking& b, std::int64_t now) {
                                   move(tx, rules_, b, user_id, new_slot_id, now);
                                 });
  } catch (const ports::Clash&) {
    // PostgreSQL's exclusion constraint caught a booking made meanwhile.
    throw Error::conflict(booking_steps::slot_taken);
  }
}

}  // namespace confer::app
