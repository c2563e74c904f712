#pragma once
// Reading bookings: one booking for a party to it, a party's list, who a
// manage link acts as, and what cancelling now would refund. A lapsed hold
// is let go before it is shown, so nobody sees a hold that has run out.
#include <optional>
#include <string>

#include "app/bookings/booking_types.hpp"
#include "app/clock.hpp"
#include "app/ports/booking_ports.hpp"

namespace confer::app {

class ReadBookings {
 public:
  ReadBookings(ports::UnitOfWork& work, const Clock& clock) : work_(work), clock_(clock) {}

  // 404 for anyone but the booking's customer and specialist.
  BookingView get(const std::string& user_id, const std::string& booking_id);
  BookingPage list(const std::string& user_id, const BookingQuery& query);
  // The user a manage link of `party` acts as.
  std::optional<std::string> party_of(const std::string& booking_id, domain::Party party);
  // What cancelling now would refund, for the user who would cancel (a
  // customer under the booking's policy, a specialist everything paid);
  // nothing changes. 409 when the booking cannot be cancelled.
  domain::RefundDecision cancellation_quote(const std::string& user_id,
                                            const std::string& booking_id);

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
};

}  // namespace confer::app
