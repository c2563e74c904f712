#include "app/bookings/read_bookings.hpp"

#include "app/bookings/booking_steps.hpp"
#include "app/errors.hpp"

namespace confer::app {

BookingView ReadBookings::get(const std::string& user_id, const std::string& booking_id) {
  return booking_steps::change(work_, clock_.now_ms(), user_id, booking_id, nullptr);
}

BookingPage ReadBookings::list(const std::string& user_id, const BookingQuery& query) {
  const auto now = clock_.now_ms();
  BookingPage page;
  // A write: the user's lapsed holds are let go first.
  work_.write([&](ports::Transaction& tx) {
    booking_steps::expire_lapsed_holds(tx, now, user_id);
    const ports::BookingFilter filter{user_id,
                                      query.as_specialist,
                                      query.status,
                                      query.upcoming,
                                      now,
                                      (query.page - 1) * query.page_size,
                                      query.page_size};
    page.total = tx.bookings().count(filter);
    for (auto& booking : tx.bookings().list(filter))
      page.items.push_back(booking_steps::view_of(tx, std::move(booking)));
  });
  return page;
}

std::optional<std::string> ReadBookings::party_of(const std::string& booking_id,
                                                  domain::Party party) {
  std::optional<std::string> user;
  work_.read([&](ports::Transaction& tx) {
    if (auto booking = tx.bookings().find(booking_id))
      user = party == domain::Party::customer ? booking->customer_id : booking->specialist_id;
  });
  return user;
}

domain::RefundDecision ReadBookings::cancellation_quote(const std::string& user_id,
                                                        const std::string& booking_id) {
  const auto view = get(user_id, booking_id);
  const auto& b = view.booking;
  if (!domain::can_transition(b.status, domain::BookingStatus::cancelled))
    throw Error::conflict("A " + std::string(domain::to_string(b.status)) +
                          " booking cannot be cancelled.");
  return b.refund_if_cancelled(user_id, clock_.now_ms());
}

}  // namespace confer::app
