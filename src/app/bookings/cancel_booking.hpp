#pragma once
// Cancelling a booking, and asking for a refund of a finished one. Either
// party may cancel: a customer gets back what the booking's policy says, a
// specialist's cancellation refunds everything paid. The money owed is
// planned in the same transaction (a job that asks the provider until it
// has confirmed), so a provider outage never loses a refund.
#include <string>

#include "app/bookings/booking_types.hpp"
#include "app/clock.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

class CancelBooking {
 public:
  CancelBooking(ports::UnitOfWork& work, const Clock& clock, BookingSettings settings)
      : work_(work), clock_(clock), settings_(settings) {}

  Cancellation cancel(const std::string& user_id, const std::string& booking_id,
                      const std::string& reason);
  // A customer's request to refund a finished session, for the specialist to settle.
  Cancellation request_refund(const std::string& user_id, const std::string& booking_id,
                              const std::string& reason);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
  BookingSettings settings_;
};

}  // namespace confer::app
