#include "app/bookings/cancel_booking.hpp"

#include "app/booking_events.hpp"
#include "app/bookings/booking_steps.hpp"
#include "app/errors.hpp"

namespace confer::app {

Cancellation CancelBooking::cancel(const std::string& user_id, const std::string& booking_id,
                                   const std::string& reason) {
  domain::RefundDecision refund;
  const auto retry_ms = settings_.refund_retry_seconds * std::int64_t{1000};
  auto view =
      booking_steps::change(work_, clock_.now_ms(), user_id, booking_id,
                            [&](ports::Transaction& tx, domain::Booking& b, std::int64_t now) {
                              auto cancelled = b.cancel(user_id, reason, now);
                              if (!cancelled) throw Error::refused(cancelled.refusal());
                              refund = cancelled.value().refund;
                              booking_steps::record(tx, b, std::move(cancelled.value().event));
                              if (refund.amount > 0)
                                plan_refund(tx.outbox(), b.id, now + retry_ms, now);
                            });
  return {std::move(view), refund};
}

Cancellation CancelBooking::request_refund(const std::string& user_id,
                                           const std::string& booking_id,
                                           const std::string& reason) {
  domain::RefundDecision refund;
  auto view =
      booking_steps::change(work_, clock_.now_ms(), user_id, booking_id,
                            [&](ports::Transaction& tx, domain::Booking& b, std::int64_t now) {
                              auto requested = b.request_refund(user_id, reason, now);
                              if (!requested) throw Error::refused(requested.refusal());
                              refund = requested.value().refund;
                              booking_steps::record(tx, b, std::move(requested.value().event));
                            });
  return {std::move(view), refund};
}

}  // namespace confer::app
