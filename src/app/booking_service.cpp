#include "app/booking_service.hpp"

#include "app/booking_events.hpp"
#include "app/errors.hpp"
#include "domain/slot_id.hpp"
#include "security/crypto.hpp"
#include "store/auth_repo.hpp"
#include "store/availability_repo.hpp"
#include "store/booking_context.hpp"

namespace confer::app {
namespace {

std::int64_t to_ms(domain::Instant instant) {
  return instant.time_since_epoch().count() * 1000;
}

domain::Instant from_ms(std::int64_t ms) {
  return domain::Instant{std::chrono::seconds{ms / 1000}};
}

// Unpaid holds keep slots from everyone else while their customer pays: one
// customer may hold only a few at once, so nobody can hold a calendar empty.
void check_hold_limits(store::Session& session, const BookingSettings& settings,
                       const std::string& customer_id, const std::string& specialist_id,
                       std::int64_t now) {
  if (settings.holds_max_per_customer <= 0 && settings.holds_max_per_specialist <= 0) return;
  // (Concurrent bookings of one customer count one after another.)
  const auto holds = store::BookingRepo(session).running_holds(customer_id, specialist_id, now);
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

BookingView view_of(store::Session& session, domain::Booking booking) {
  store::UserRepo users(session);
  auto service = store::ServiceRepo(session).find(booking.service_id);
  auto specialist = users.find_by_id(booking.specialist_id);
  auto customer = users.find_by_id(booking.customer_id);
  if (!service || !specialist || !customer)
    throw std::runtime_error("booking " + booking.id + " points at missing rows");
  auto meeting = booking.meeting_provider == std::optional<std::string>("zoom")
                     ? store::MeetingRepo(session).for_booking(booking.id)
                     : std::nullopt;
  return {std::move(booking), *service, *specialist, *customer, std::move(meeting)};
}

// A free or bookable slot the customer asked for, checked inside `session`.
SlotCheck checked_slot(AvailabilityService& availability, store::Session& session,
                       const std::string& slot_id, std::int64_t now, bool with_bookings = true) {
  auto ref = domain::parse_slot_id(slot_id);
  if (!ref) throw Error::invalid_field("slotId", "is not a slot id from a slot list");
  auto check = availability.check_slot(session, ref->service_id, ref->start, now, with_bookings);
  if (!check || !check->service.published) throw Error::not_found("The slot");
  if (check->slot.status != domain::SlotStatus::available)
    throw Error::conflict("This time has just been taken. Pick another slot.");
  return *check;
}

}  // namespace

void record(store::Session& session, const domain::Booking& booking,
            domain::Outcome<domain::BookingEvent> change) {
  if (!change) throw Error::refused(change.refusal());
  const auto& event = change.value();
  store::AuditEntry entry;
  entry.id = security::new_uuid();
  entry.actor_id = event.actor_id;
  entry.action = event.action;
  entry.entity_type = "booking";
  entry.entity_id = booking.id;
  if (!event.from_state.empty()) entry.from_state = event.from_state;
  if (!event.to_state.empty()) entry.to_state = event.to_state;
  entry.detail = event.detail;
  entry.created_at = event.at;
  store::append_audit(session, entry);
  // The follow-ups (emails, reminders, notifications) in the same transaction.
  if (event.action != "booking.status_changed") return;
  if (booking.status == domain::BookingStatus::confirmed)
    on_booking_confirmed(session, booking, event.at);
  if (booking.status == domain::BookingStatus::cancelled &&
      event.from_state != domain::to_string(domain::BookingStatus::pending))
    on_booking_cancelled(session, booking, event.at);
}

void BookingService::confirm(store::Session& session, domain::Booking& booking, std::int64_t now,
                             const std::optional<std::string>& actor) {
  record(session, booking, booking.confirm(actor, now));
  auto meeting = video_.create_meeting(booking.id);
  booking.meeting_provider = meeting.provider;
  // A provider with an API (Zoom) makes the meeting in the confirmation job.
  if (!meeting.join_url.empty()) booking.meeting_url = meeting.join_url;
}

void BookingService::expire_holds(store::Session& session, std::int64_t now,
                                  const std::string& user_id) {
  store::BookingRepo repo(session);
  for (auto& booking : repo.expired_holds(now, user_id)) {
    record(session, booking, booking.expire_hold(now));
    repo.update(booking);
  }
}

int BookingService::expire_holds() {
  const auto now = clock_.now_ms();
  int expired = 0;
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    expired = static_cast<int>(store::BookingRepo(session).expired_holds(now).size());
    if (expired > 0) expire_holds(session, now, "");
  });
  return expired;
}

BookingView BookingService::create(const std::string& customer_id, const std::string& slot_id,
                                   const std::string& customer_notes,
                                   const std::string& customer_timezone) {
  const auto now = clock_.now_ms();
  // PostgreSQL's exclusion constraints refuse any clash, with any number of
  // processes: everything happens in one short transaction and the database
  // decides. SQLite serializes writers, so there the expensive reading comes
  // first, outside the write lock, and the write re-checks by index.
  const bool constraints_decide = database_.dialect() == store::Dialect::postgres;
  std::optional<SlotCheck> seen;
  std::int64_t schedule_version = 0;
  std::optional<store::UserRecord> specialist, customer;
  auto read = [&](store::Session& session) {
    auto ref = domain::parse_slot_id(slot_id);
    if (!ref) throw Error::invalid_field("slotId", "is not a slot id from a slot list");
    // The local day holding the start lies within 26 hours either side of it.
    auto context = store::load_booking_context(session, ref->service_id, customer_id,
                                               to_ms(ref->start - std::chrono::hours{26}),
                                               to_ms(ref->start + std::chrono::hours{26}));
    if (!context || context->service.deleted_at || !context->service.published ||
        !context->availability || !context->specialist)
      throw Error::not_found("The slot");
    if (context->service.specialist_id == customer_id)
      throw Error::conflict("You cannot book your own service.");
    if (!context->customer) throw Error::not_found("Your account");
    std::vector<domain::Interval> blocks;
    for (const auto& block : context->blocks)
      blocks.push_back({from_ms(block.start_at), from_ms(block.end_at)});
    // Overlaps with bookings are checked by the write, by index or constraint.
    seen = AvailabilityService::slot_at(context->service, rules_from_record(*context->availability),
                                        {}, blocks, ref->start, now);
    if (!seen) throw Error::not_found("The slot");
    if (seen->slot.status != domain::SlotStatus::available)
      throw Error::conflict("This time has just been taken. Pick another slot.");
    schedule_version = context->schedule_version;
    specialist = std::move(context->specialist);
    customer = std::move(context->customer);
  };

  domain::Booking booking;
  auto write = [&](store::Session& session) {
    auto check = *seen;
    store::BookingRepo repo(session);
    const auto guard_of = [](const SlotCheck& c) {
      return domain::booking_guard(to_ms(c.slot.start), to_ms(c.slot.end), c.buffer_minutes);
    };
    if (!constraints_decide) {
      // Rules, services or blocked times changed since the read: check again.
      if (store::schedule_version(session, check.service.specialist_id) != schedule_version)
        check = checked_slot(availability_, session, slot_id, now, false);
      const auto guard = guard_of(check);
      const auto start = to_ms(check.slot.start), end = to_ms(check.slot.end);
      if (repo.specialist_has_overlap(check.service.specialist_id, guard.start_ms, guard.end_ms,
                                      ""))
        throw Error::conflict("This time has just been taken. Pick another slot.");
      if (repo.customer_has_overlap(customer_id, start, end, ""))
        throw Error::conflict("You already have a booking at this time.");
    }
    if (check.service.price > 0)
      check_hold_limits(session, settings_, customer_id, check.service.specialist_id, now);
    const auto guard = guard_of(check);
    booking = {};
    booking.id = security::new_uuid();
    booking.specialist_id = check.service.specialist_id;
    booking.customer_id = customer_id;
    booking.service_id = check.service.id;
    booking.slot_id = domain::slot_id(check.service.id, check.slot.start);
    booking.start_at = to_ms(check.slot.start);
    booking.end_at = to_ms(check.slot.end);
    booking.guard_start_at = guard.start_ms;
    booking.guard_end_at = guard.end_ms;
    booking.customer_notes = customer_notes;
    booking.price = {check.service.price, check.service.currency};
    booking.policy = {check.service.cancellation_deadline_hours,
                      domain::parse_refund_policy(check.service.refund_policy)
                          .value_or(domain::RefundPolicy::full),
                      check.service.refund_percentage};
    booking.customer_timezone = customer_timezone;
    booking.created_at = booking.updated_at = now;
    booking.status = domain::BookingStatus::pending;
    if (check.service.price > 0) {
      booking.payment_status = domain::PaymentStatus::pending;
      booking.hold_expires_at = now + std::int64_t{settings_.hold_minutes} * 60'000;
    } else {
      booking.payment_status = domain::PaymentStatus::not_required;
      confirm(session, booking, now, customer_id);
    }
    // One INSERT of the final row: updating a just-inserted row would make
    // PostgreSQL re-check the exclusion constraint against concurrent
    // inserts and deadlock with them.
    repo.insert(booking);
  };

  auto attempt = [&] {
    try {
      if (constraints_decide) {
        database_.transaction(store::TxMode::write, [&](store::Session& session) {
          read(session);
          write(session);
        });
      } else {
        database_.transaction(store::TxMode::read, read);
        database_.transaction(store::TxMode::write, write);
      }
    } catch (const store::DbError& error) {
      // An exclusion constraint caught a clash (made at the same moment, or
      // found only by the database).
      if (error.kind() == store::DbErrorKind::exclusion_violation &&
          error.constraint() == "bookings_no_customer_overlap")
        throw Error::conflict("You already have a booking at this time.");
      if (error.kind() == store::DbErrorKind::exclusion_violation ||
          error.kind() == store::DbErrorKind::unique_violation)
        throw Error::conflict("This time has just been taken. Pick another slot.");
      throw;
    }
  };
  try {
    attempt();
  } catch (const Error& error) {
    // Unpaid holds past their time still hold their slot until released:
    // release them (the sweep, done here at once) and try once more — rather
    // than look for them on every booking.
    if (error.kind() != ErrorKind::conflict || expire_holds() == 0) throw;
    attempt();
  }
  return {booking, seen->service, *specialist, *customer, std::nullopt};
}

std::optional<std::string> BookingService::party_of(const std::string& booking_id,
                                                    domain::Party party) {
  std::optional<std::string> user;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    if (auto booking = store::BookingRepo(session).find(booking_id))
      user = party == domain::Party::customer ? booking->customer_id : booking->specialist_id;
  });
  return user;
}

domain::RefundDecision BookingService::cancellation_quote(const std::string& user_id,
                                                          const std::string& booking_id) {
  auto view = get(user_id, booking_id);
  const auto& b = view.booking;
  if (!domain::can_transition(b.status, domain::BookingStatus::cancelled))
    throw Error::conflict("A " + std::string(domain::to_string(b.status)) +
                          " booking cannot be cancelled.");
  return b.refund_if_cancelled(user_id, clock_.now_ms());
}

BookingView BookingService::get(const std::string& user_id, const std::string& booking_id) {
  return change(user_id, booking_id, nullptr);
}

BookingPage BookingService::list(const std::string& user_id, const BookingQuery& query) {
  const auto now = clock_.now_ms();
  BookingPage page;
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    expire_holds(session, now, user_id);
    store::BookingFilter filter{user_id,
                                query.as_specialist,
                                query.status,
                                query.upcoming,
                                now,
                                (query.page - 1) * query.page_size,
                                query.page_size};
    store::BookingRepo repo(session);
    page.total = repo.count(filter);
    for (auto& booking : repo.list(filter)) page.items.push_back(view_of(session, booking));
  });
  return page;
}

BookingView BookingService::change(const std::string& user_id, const std::string& booking_id,
                                   const Change& apply) {
  const auto now = clock_.now_ms();
  std::optional<BookingView> result;
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    store::BookingRepo repo(session);
    auto booking = repo.find(booking_id);
    if (!booking || !booking->party(user_id)) return;
    if (booking->hold_lapsed(now)) {
      expire_holds(session, now, booking->customer_id);
      booking = repo.find(booking_id);
    }
    if (apply) {
      apply(session, *booking, now);
      booking->updated_at = now;
      repo.update(*booking);
    }
    result = view_of(session, *booking);
  });
  if (!result) throw Error::not_found("The booking");
  return *result;
}

BookingView BookingService::update_notes(const std::string& user_id, const std::string& booking_id,
                                         const domain::NoteChanges& changes) {
  return change(user_id, booking_id, [&](store::Session&, domain::Booking& b, std::int64_t) {
    if (auto refusal = b.change_notes(user_id, changes)) throw Error::refused(*refusal);
  });
}

Cancellation BookingService::cancel(const std::string& user_id, const std::string& booking_id,
                                    const std::string& reason) {
  domain::RefundDecision refund;
  auto view = change(
      user_id, booking_id, [&](store::Session& session, domain::Booking& b, std::int64_t now) {
        auto cancelled = b.cancel(user_id, reason, now);
        if (!cancelled) throw Error::refused(cancelled.refusal());
        refund = cancelled.value().refund;
        record(session, b, std::move(cancelled.value().event));
        if (refund.amount > 0)
          plan_refund(session, b.id, now + settings_.refund_retry_seconds * std::int64_t{1000},
                      now);
      });
  return {view, refund};
}

Cancellation BookingService::request_refund(const std::string& user_id,
                                            const std::string& booking_id,
                                            const std::string& reason) {
  domain::RefundDecision refund;
  auto view = change(user_id, booking_id,
                     [&](store::Session& session, domain::Booking& b, std::int64_t now) {
                       auto requested = b.request_refund(user_id, reason, now);
                       if (!requested) throw Error::refused(requested.refusal());
                       refund = requested.value().refund;
                       record(session, b, std::move(requested.value().event));
                     });
  return {view, refund};
}

BookingView BookingService::reschedule(const std::string& user_id, const std::string& booking_id,
                                       const std::string& new_slot_id) {
  try {
    return change(
        user_id, booking_id, [&](store::Session& session, domain::Booking& b, std::int64_t now) {
          auto ref = domain::parse_slot_id(new_slot_id);
          if (!ref) throw Error::invalid_field("slotId", "is not a slot id from a slot list");
          if (ref->service_id != b.service_id)
            throw Error::invalid_field("slotId", "must be a slot of the same service");
          if (b.status != domain::BookingStatus::pending &&
              b.status != domain::BookingStatus::confirmed)
            throw Error::conflict("Only a pending or confirmed booking can be rescheduled.");
          // The rules and blocked times decide the slot; bookings other than
          // this one decide whether it is free (its own time is no obstacle).
          auto check = checked_slot(availability_, session, new_slot_id, now, false);
          const auto start = to_ms(check.slot.start), end = to_ms(check.slot.end);
          const auto guard = domain::booking_guard(start, end, check.buffer_minutes);
          store::BookingRepo repo(session);
          if (repo.specialist_has_overlap(b.specialist_id, guard.start_ms, guard.end_ms, b.id))
            throw Error::conflict("This time has just been taken. Pick another slot.");
          if (repo.customer_has_overlap(b.customer_id, start, end, b.id))
            throw Error::conflict("The customer already has a booking at that time.");
          const auto previous_start = b.start_at, previous_end = b.end_at;
          record(session, b,
                 b.move_to_slot(
                     {domain::slot_id(check.service.id, check.slot.start), start, end, guard},
                     user_id, now));
          // A pending booking's confirmation, when it comes, carries the new time.
          if (b.status == domain::BookingStatus::confirmed)
            on_booking_rescheduled(session, b, previous_start, previous_end, now);
        });
  } catch (const store::DbError& error) {
    if (error.kind() == store::DbErrorKind::exclusion_violation)
      throw Error::conflict("This time has just been taken. Pick another slot.");
    throw;
  }
}

bool BookingService::meeting_started(store::Session& session, const std::string& booking_id,
                                     std::int64_t at) {
  store::BookingRepo repo(session);
  auto booking = repo.find(booking_id);
  if (!booking || booking->status != domain::BookingStatus::confirmed) return false;
  record(session, *booking,
         booking->move_to(domain::BookingStatus::in_progress, std::nullopt, "meeting started", at));
  booking->session_started_at = at;
  repo.update(*booking);
  return true;
}

bool BookingService::meeting_ended(store::Session& session, const std::string& booking_id,
                                   std::int64_t at) {
  store::BookingRepo repo(session);
  auto booking = repo.find(booking_id);
  if (!booking) return false;
  // An end without a start (the start event lost or late): the meeting ran.
  if (booking->status == domain::BookingStatus::confirmed) {
    record(
        session, *booking,
        booking->move_to(domain::BookingStatus::in_progress, std::nullopt, "meeting started", at));
    booking->session_started_at = at;
  }
  if (booking->status != domain::BookingStatus::in_progress) return false;
  record(session, *booking,
         booking->move_to(domain::BookingStatus::completed, std::nullopt, "meeting ended", at));
  booking->session_ended_at = at;
  repo.update(*booking);
  return true;
}

BookingView BookingService::start_session(const std::string& specialist_id,
                                          const std::string& booking_id) {
  return change(specialist_id, booking_id,
                [&](store::Session& session, domain::Booking& b, std::int64_t now) {
                  record(session, b, b.start_session(specialist_id, now));
                });
}

BookingView BookingService::end_session(const std::string& specialist_id,
                                        const std::string& booking_id) {
  return change(specialist_id, booking_id,
                [&](store::Session& session, domain::Booking& b, std::int64_t now) {
                  record(session, b, b.end_session(specialist_id, now));
                });
}

BookingView BookingService::mark_no_show(const std::string& specialist_id,
                                         const std::string& booking_id) {
  return change(specialist_id, booking_id,
                [&](store::Session& session, domain::Booking& b, std::int64_t now) {
                  record(session, b, b.mark_no_show(specialist_id, now));
                });
}

bool BookingService::confirm_payment(store::Session& session, const std::string& booking_id,
                                     std::int64_t now) {
  store::BookingRepo repo(session);
  auto booking = repo.find(booking_id);
  if (!booking) return false;
  if (booking->hold_lapsed(now)) {
    expire_holds(session, now, booking->customer_id);
    booking = repo.find(booking_id);
  }
  using S = domain::BookingStatus;
  if (booking->status == S::pending) {
    booking->payment_status = domain::PaymentStatus::completed;
    confirm(session, *booking, now, std::nullopt);
    repo.update(*booking);
    return true;
  }
  if (booking->status == S::confirmed || booking->status == S::in_progress ||
      booking->status == S::completed)
    return true;  // already confirmed: a repeated event
  // Paid, but the booking is gone (hold expired, cancelled): refund it all.
  booking->payment_status = domain::PaymentStatus::refunded;
  booking->refund_amount = booking->price.amount;
  booking->updated_at = now;
  repo.update(*booking);
  return false;
}

BookingView BookingService::confirm_payment(const std::string& booking_id) {
  const auto now = clock_.now_ms();
  std::optional<BookingView> result;
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    store::BookingRepo repo(session);
    auto booking = repo.find(booking_id);
    if (!booking) return;
    if (booking->status == domain::BookingStatus::pending) {
      booking->payment_status = domain::PaymentStatus::completed;
      confirm(session, *booking, now, std::nullopt);
      repo.update(*booking);
    }
    result = view_of(session, *booking);
  });
  if (!result) throw Error::not_found("The booking");
  return *result;
}

}  // namespace confer::app
