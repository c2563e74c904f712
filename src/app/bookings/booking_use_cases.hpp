#pragma once
// Every booking use case over one unit of work, as the server wires them.
#include "app/bookings/booking_sessions.hpp"
#include "app/bookings/cancel_booking.hpp"
#include "app/bookings/create_booking.hpp"
#include "app/bookings/read_bookings.hpp"
#include "app/bookings/reschedule_booking.hpp"
#include "app/bookings/settle_payment.hpp"
#include "app/bookings/update_notes.hpp"

namespace confer::app {

struct BookingUseCases {
  BookingUseCases(ports::UnitOfWork& work, const Clock& clock, VideoProvider& video,
                  BookingSettings settings)
      : create(work, clock, video, rules_cache, settings),
        read(work, clock),
        cancel(work, clock, settings),
        reschedule(work, clock, rules_cache),
        notes(work, clock),
        sessions(work, clock),
        payments(work, clock, video) {}

  BookingUseCases(const BookingUseCases&) = delete;
  BookingUseCases& operator=(const BookingUseCases&) = delete;

  ParsedRulesCache rules_cache;  // first: create and reschedule hold a reference to it
  CreateBooking create;
  ReadBookings read;
  CancelBooking cancel;
  RescheduleBooking reschedule;
  UpdateBookingNotes notes;
  BookingSessions sessions;
  SettlePayment payments;
};

}  // namespace confer::app
