#pragma once
// Moving a pending or confirmed booking to another slot of the same service,
// atomically: the new slot is checked against the rules, the blocked times
// and every other booking (its own time is no obstacle) in the transaction
// that moves it. Both parties hear of the move; a pending booking's
// confirmation, when it comes, carries the new time.
#include <string>

#include "app/bookings/booking_types.hpp"
#include "app/clock.hpp"
#include "app/parsed_rules.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

class RescheduleBooking {
 public:
  RescheduleBooking(ports::UnitOfWork& work, const Clock& clock, ParsedRulesCache& rules)
      : work_(work), clock_(clock), rules_(rules) {}

  BookingView operator()(const std::string& user_id, const std::string& booking_id,
                         const std::string& new_slot_id);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
  ParsedRulesCache& rules_;
};

}  // namespace confer::app
