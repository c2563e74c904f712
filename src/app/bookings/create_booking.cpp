#include "app/bookings/create_booking.hpp"

#include "app/bookings/booking_steps.hpp"
#include "app/errors.hpp"
#include "domain/slot_id.hpp"
#include "security/crypto.hpp"

namespace confer::app {
namespace {

using booking_steps::read_slot;
using booking_steps::slot_taken;
using booking_steps::to_ms;

// Unpaid holds keep slots from everyone else while their customer pays: one
// customer may hold only a few at once, so nobody can hold a calendar empty.
void check_hold_limits(ports::Bookings& bookings, const BookingSettings& settings,
                       const std::string& customer_id, const std::string& specialist_id,
                       std::int64_t now) {
  if (settings.holds_max_per_customer <= 0 && settings.holds_max_per_specialist <= 0) return;
  const auto holds = bookings.running_holds(customer_id, specialist_id, now);
  const auto retry_after = (holds.first_expiry - now + 999) / 1000;
  if (settings.holds_max_per_customer > 0 && holds.total >= settings.holds_max_per_customer)
    throw Error::too_many_requests(
        "You already have " + std::to_string(holds.total) +
            " bookings waiting for payment. Pay for one or cancel it before booking another.",
        retry_after);
  if (settings.holds_max_per_specialist > 0 &&
      holds.with_specialist >= settings.holds_max_per_specialist)
    throw Error::too_many_requests(
        "You already have " + std::to_string(holds.with_specialist) +
            " bookings with this specialist waiting for payment. Pay for one or cancel it "
            "before booking another.",
        retry_after);
}

domain::Booking new_booking(const SlotCheck& check, const std::string& customer_id,
                            const std::string& notes, const std::string& zone, std::int64_t now) {
  const auto guard =
      domain::booking_guard(to_ms(check.slot.start), to_ms(check.slot.end), check.buffer_minutes);
  domain::Booking b;
  b.id = security::new_uuid();
  b.specialist_id = check.service.specialist_id;
  b.customer_id = customer_id;
  b.service_id = check.service.id;
  b.slot_id = domain::slot_id(check.service.id, check.slot.start);
  b.start_at = to_ms(check.slot.start);
  b.end_at = to_ms(check.slot.end);
  b.guard_start_at = guard.start_ms;
  b.guard_end_at = guard.end_ms;
  b.customer_notes = notes;
  b.price = {check.service.price, check.service.currency};
  b.policy = {
      check.service.cancellation_deadline_hours,
      domain::parse_refund_policy(check.service.refund_policy).value_or(domain::RefundPolicy::full),
      check.service.refund_percentage};
  b.customer_timezone = zone;
  b.created_at = b.updated_at = now;
  return b;
}

}  // namespace

BookingView CreateBooking::operator()(const std::string& customer_id, const std::string& slot_id,
                                      const std::string& customer_notes,
                                      const std::string& customer_timezone) {
  const Request request{customer_id, booking_steps::parse_slot(slot_id), customer_notes,
                        customer_timezone, clock_.now_ms()};
  std::optional<booking_steps::SlotSeen> seen;
  std::optional<domain::Booking> booking;
  // PostgreSQL's exclusion constraints refuse any clash, with any number of
  // processes: everything happens in one short transaction and the database
  // decides. SQLite serializes writers, so there the expensive reading comes
  // first, outside the write lock, and the write re-checks by index.
  auto attempt = [&]() -> Taken {
    Taken taken = Taken::no;
    try {
      if (work_.refuses_overlaps()) {
        work_.write([&](ports::Transaction& tx) {
          seen = read_slot(tx, rules_, customer_id, request.ref, request.now);
          taken = write(tx, request, *seen, booking);
        });
      } else {
        work_.read([&](ports::Transaction& tx) {
          seen = read_slot(tx, rules_, customer_id, request.ref, request.now);
        });
        work_.write([&](ports::Transaction& tx) { taken = write(tx, request, *seen, booking); });
      }
    } catch (const ports::Clash& clash) {
      // The database caught it (made at the same moment, or found only there).
      return clash.constraint() == "bookings_no_customer_overlap" ? Taken::by_customer
                                                                  : Taken::by_someone;
    }
    return taken;
  };
  auto taken = attempt();
  // Unpaid holds past their time still hold their slot until released:
  // release them (the sweep, done here at once) and try once more — rather
  // than look for them on every booking.
  if (taken != Taken::no && release_lapsed_holds(request.now) > 0) taken = attempt();
  if (taken == Taken::by_customer)
    throw Error::conflict("You already have a booking at this time.");
  if (taken == Taken::by_someone) throw Error::conflict(slot_taken);
  return {*booking, seen->slot.service, seen->specialist, seen->customer, std::nullopt};
}

int CreateBooking::release_lapsed_holds(std::int64_t now) {
  int released = 0;
  work_.write(
      [&](ports::Transaction& tx) { released = booking_steps::expire_lapsed_holds(tx, now, ""); });
  return released;
}

CreateBooking::Taken CreateBooking::write(ports::Transaction& tx, const Request& request,
                                          const booking_steps::SlotSeen& seen,
                                          std::optional<domain::Booking>& written) {
  auto check = seen.slot;
  auto& bookings = tx.bookings();
  const auto now = request.now;
  if (!work_.refuses_overlaps()) {
    // Rules, services or blocked times changed since the read: check again.
    if (tx.schedules().schedule_version(check.service.specialist_id) != seen.schedule_version)
      check = read_slot(tx, rules_, request.customer_id, request.ref, now).slot;
    const auto start = to_ms(check.slot.start), end = to_ms(check.slot.end);
    const auto guard = domain::booking_guard(start, end, check.buffer_minutes);
    if (bookings.specialist_has_overlap(check.service.specialist_id, guard.start_ms, guard.end_ms,
                                        ""))
      return Taken::by_someone;
    if (bookings.customer_has_overlap(request.customer_id, start, end, ""))
      return Taken::by_customer;
  }
  if (check.service.price > 0)
    check_hold_limits(bookings, settings_, request.customer_id, check.service.specialist_id, now);
  auto booking = new_booking(check, request.customer_id, request.notes, request.zone, now);
  if (check.service.price > 0) {
    booking.payment_status = domain::PaymentStatus::pending;
    booking.hold_expires_at = now + std::int64_t{settings_.hold_minutes} * 60'000;
  } else {
    booking.payment_status = domain::PaymentStatus::not_required;
    booking_steps::confirm(tx, video_, booking, now, request.customer_id);
  }
  // One INSERT of the final row: updating a just-inserted row would make
  // PostgreSQL re-check the exclusion constraint against concurrent inserts
  // and deadlock with them.
  bookings.insert(booking);
  written = std::move(booking);
  return Taken::no;
}

}  // namespace confer::app
