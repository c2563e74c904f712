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
      : create(work, clock, video, settings),
        read(work, clock),
        cancel(work, clock, settings),
        reschedule(work, clock),
        notes(work, clock),
        sessions(work, clock),
        payments(work, clock, video) {}

  CreateBooking create;
  ReadBookings read;
  CancelBooking cancel;
  RescheduleBooking reschedule;
  UpdateBookingNotes notes;
  BookingSessions sessions;
  SettlePayment payments;
};

}  // namespace confer::app
