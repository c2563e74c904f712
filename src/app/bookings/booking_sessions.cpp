#include "app/bookings/booking_sessions.hpp"

#include "app/bookings/booking_steps.hpp"

namespace confer::app {
namespace {

using booking_steps::record;

// confirmed → in progress, as the provider reports it.
void begin(ports::Transaction& tx, domain::Booking& booking, std::int64_t at) {
  record(tx, booking,
         booking.move_to(domain::BookingStatus::in_progress, std::nullopt, "meeting started", at));
  booking.session_started_at = at;
}

}  // namespace

BookingView BookingSessions::start(const std::string& specialist_id,
                                   const std::string& booking_id) {
  return booking_steps::change(work_, clock_.now_ms(), specialist_id, booking_id,
                               [&](ports::Transaction& tx, domain::Booking& b, std::int64_t now) {
                                 record(tx, b, b.start_session(specialist_id, now));
                               });
}

BookingView BookingSessions::end(const std::string& specialist_id, const std::string& booking_id) {
  return booking_steps::change(work_, clock_.now_ms(), specialist_id, booking_id,
                               [&](ports::Transaction& tx, domain::Booking& b, std::int64_t now) {
                                 record(tx, b, b.end_session(specialist_id, now));
                               });
}

BookingView BookingSessions::mark_no_show(const std::string& specialist_id,
                                          const std::string& booking_id) {
  return booking_steps::change(work_, clock_.now_ms(), specialist_id, booking_id,
                               [&](ports::Transaction& tx, domain::Booking& b, std::int64_t now) {
                                 record(tx, b, b.mark_no_show(specialist_id, now));
                               });
}

bool BookingSessions::meeting_started(ports::Transaction& tx, const std::string& booking_id,
                                      std::int64_t at) {
  auto booking = tx.bookings().find(booking_id);
  if (!booking || booking->status != domain::BookingStatus::confirmed) return false;
  begin(tx, *booking, at);
  tx.bookings().update(*booking);
  return true;
}

bool BookingSessions::meeting_ended(ports::Transaction& tx, const std::string& booking_id,
                                    std::int64_t at) {
  auto booking = tx.bookings().find(booking_id);
  if (!booking) return false;
  // An end without a start (the start event lost or late): the meeting ran.
  if (booking->status == domain::BookingStatus::confirmed) begin(tx, *booking, at);
  if (booking->status != domain::BookingStatus::in_progress) return false;
  record(tx, *booking,
         booking->move_to(domain::BookingStatus::completed, std::nullopt, "meeting ended", at));
  booking->session_ended_at = at;
  tx.bookings().update(*booking);
  return true;
}

bool BookingSessions::complete_overdue(ports::Transaction& tx, const std::string& booking_id,
                                       std::int64_t now) {
  auto booking = tx.bookings().find(booking_id);
  if (!booking || booking->status != domain::BookingStatus::in_progress) return false;
  record(tx, *booking,
         booking->move_to(domain::BookingStatus::completed, std::nullopt,
                          "session not ended by its end; completed by the follow-up", now));
  booking->session_ended_at = booking->end_at;
  tx.bookings().update(*booking);
  return true;
}

}  // namespace confer::app
