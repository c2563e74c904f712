#include "app/bookings/settle_payment.hpp"

#include "app/bookings/booking_steps.hpp"
#include "app/errors.hpp"

namespace confer::app {

bool SettlePayment::paid(ports::Transaction& tx, const std::string& booking_id, std::int64_t now) {
  auto booking = tx.bookings().find(booking_id);
  if (!booking) return false;
  if (booking->hold_lapsed(now)) {
    booking_steps::expire_lapsed_holds(tx, now, booking->customer_id);
    booking = tx.bookings().find(booking_id);
  }
  using S = domain::BookingStatus;
  if (booking->status == S::pending) {
    booking->payment_status = domain::PaymentStatus::completed;
    booking_steps::confirm(tx, video_, *booking, now, std::nullopt);
    tx.bookings().update(*booking);
    return true;
  }
  if (booking->status == S::confirmed || booking->status == S::in_progress ||
      booking->status == S::completed)
    return true;  // already confirmed: a repeated event
  // Paid, but the booking is gone (hold expired, cancelled): refund it all.
  booking->payment_status = domain::PaymentStatus::refunded;
  booking->refund_amount = booking->price.amount;
  booking->updated_at = now;
  tx.bookings().update(*booking);
  return false;
}

BookingView SettlePayment::paid(const std::string& booking_id) {
  const auto now = clock_.now_ms();
  std::optional<BookingView> result;
  work_.write([&](ports::Transaction& tx) {
    auto booking = tx.bookings().find(booking_id);
    if (!booking) return;
    if (booking->status == domain::BookingStatus::pending) {
      booking->payment_status = domain::PaymentStatus::completed;
      booking_steps::confirm(tx, video_, *booking, now, std::nullopt);
      tx.bookings().update(*booking);
    }
    result = booking_steps::view_of(tx, std::move(*booking));
  });
  if (!result) throw Error::not_found("The booking");
  return *result;
}

int SettlePayment::expire_holds() {
  const auto now = clock_.now_ms();
  int expired = 0;
  work_.write(
      [&](ports::Transaction& tx) { expired = booking_steps::expire_lapsed_holds(tx, now, ""); });
  return expired;
}

}  // namespace confer::app
