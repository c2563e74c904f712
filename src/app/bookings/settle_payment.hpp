#pragma once
// What the money side tells the booking: a payment arrived (pending →
// confirmed, with the meeting), or a hold ran out unpaid (pending →
// cancelled, the slot free again).
#include <string>

#include "app/bookings/booking_types.hpp"
#include "app/clock.hpp"
#include "app/ports/booking_ports.hpp"
#include "app/video.hpp"

namespace confer::app {

class SettlePayment {
 public:
  SettlePayment(ports::UnitOfWork& work, const Clock& clock, VideoProvider& video)
      : work_(work), clock_(clock), video_(video) {}

  // Payment received, inside the caller's transaction (the payment webhook's).
  // False when the booking can no longer be confirmed (its hold ran out, or
  // it was cancelled): it is marked refunded in full, and the money must go back.
  bool paid(ports::Transaction& tx, const std::string& booking_id, std::int64_t now);
  // The same in a transaction of its own (tests, tools): the booking as it is then.
  BookingView paid(const std::string& booking_id);
  // Cancels every pending booking whose payment hold has ended; how many.
  int expire_holds();

 private:
  ports::UnitOfWork& work_;
  const Clock& clock_;
  VideoProvider& video_;
};

}  // namespace confer::app
