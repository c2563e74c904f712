#pragma once
// Notes on a booking: the customer's own, and the specialist's private ones.
// Each party may change only theirs.
#include <string>

#include "app/bookings/booking_types.hpp"
#include "app/clock.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

class UpdateBookingNotes {
 public:
  UpdateBookingNotes(ports::UnitOfWork& work, const Clock& clock) : work_(work), clock_(clock) {}

  BookingView operator()(const std::string& user_id, const std::string& booking_id,
                         const NoteChanges& changes);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
};

}  // namespace confer::app
