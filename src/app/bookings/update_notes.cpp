#include "app/bookings/update_notes.hpp"

#include "app/bookings/booking_steps.hpp"
#include "app/errors.hpp"

namespace confer::app {

BookingView UpdateBookingNotes::operator()(const std::string& user_id,
                                           const std::string& booking_id,
                                           const NoteChanges& changes) {
  return booking_steps::change(work_, clock_.now_ms(), user_id, booking_id,
                               [&](ports::Transaction&, domain::Booking& b, std::int64_t) {
                                 if (auto refusal = b.change_notes(user_id, changes))
                                   throw Error::refused(*refusal);
                               });
}

}  // namespace confer::app
