#include "app/bookings/read_bookings.hpp"

#include "app/bookings/booking_steps.hpp"
#include "app/errors.hpp"

namespace confer::app {

BookingView ReadBookings::get(const std::string& user_id, const std::string& booking_id) {
  const auto now = clock_.now_ms();
  std::optional<BookingView> view;
  // A read, as the list: a lapsed hold shows as the sweeper will leave it.
  work_.read([&](ports::Transaction& tx) {
    auto booking = tx.bookings().find(booking_id);
    if (!booking || !booking->party(user_id)) return;
    if (booking->hold_lapsed(now)) (void)booking->expire_hold(now);
    view = booking_steps::view_of(tx, std::move(*booking));
  });
  if (!view) throw Error::not_found("The booking");
  return *view;
}

BookingPage ReadBookings::list(const std::string& user_id, const BookingQuery& query) {
  const auto now = clock_.now_ms();
  BookingPage page;
  // A read: the sweeper lets lapsed holds go (jobs/); until it does, the
  // list shows them as it will.
  work_.read([&](ports::Transaction& tx) {
    ports::BookingFilter filter{user_id,
                                query.as_specialist,
                                query.status,
                                query.upcoming,
                                now,
                                std::nullopt,
                                (query.page - 1) * query.page_size,
                                query.page_size + 1};
    if (query.after) {
      auto anchor = tx.bookings().find(*query.after);
      if (!anchor || (query.as_specialist ? anchor->specialist_id : anchor->customer_id) != user_id)
        throw Error::invalid_field("after", "must be the id of a booking from this list");
      filter.after = ports::BookingFilter::Position{anchor->start_at, anchor->id};
      filter.offset = 0;
    }
    auto bookings = tx.bookings().list(filter);
    const bool more = bookings.size() > static_cast<std::size_t>(query.page_size);
    if (more) bookings.pop_back();
    // Everything on the first page: no need to count.
    page.total = !query.after && query.page == 1 && !more
                     ? static_cast<std::int64_t>(bookings.size())
                     : tx.bookings().count(filter);
    for (auto& booking : bookings)
      if (booking.hold_lapsed(now)) (void)booking.expire_hold(now);
    page.items = booking_steps::views_of(tx, std::move(bookings));
    if (more) page.next_after = page.items.back().booking.id;
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
