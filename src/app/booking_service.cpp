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

domain::BookingStatus status_of(const store::BookingRecord& booking) {
  return domain::parse_booking_status(booking.status).value_or(domain::BookingStatus::pending);
}

// The policy the booking was sold under (kept on it when it was made).
domain::CancellationPolicy policy_of(const store::BookingRecord& booking) {
  return {booking.policy_deadline_hours,
          domain::parse_refund_policy(booking.policy_refund).value_or(domain::RefundPolicy::full),
          booking.policy_refund_percentage};
}

// Unpaid holds keep slots from everyone else while their customer pays: one
// customer may hold only a few at once, so nobody can hold a calendar empty.
void check_hold_limits(store::Session& session, const BookingSettings& settings,
                       const std::string& customer_id, const std::string& specialist_id,
                       std::int64_t now) {
  if (settings.holds_max_per_customer <= 0 && settings.holds_max_per_specialist <= 0) return;
  // Concurrent bookings of one customer count one after another.
  store::serialize_on(session, "holds", customer_id);
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

BookingView view_of(store::Session& session, store::BookingRecord booking) {
  store::UserRepo users(session);
  auto service = store::ServiceRepo(session).find(booking.service_id);
  auto specialist = users.find_by_id(booking.specialist_id);
  auto customer = users.find_by_id(booking.customer_id);
  if (!service || !specialist || !customer)
    throw std::runtime_error("booking " + booking.id + " points at missing rows");
  auto meeting = booking.meeting_provider == "zoom"
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

domain::RefundDecision refund_if_cancelled(const store::BookingRecord& booking,
                                           const std::string& user_id, std::int64_t now) {
  const std::int64_t paid = booking.payment_status == "completed" ? booking.payment_amount : 0;
  return domain::refund_for_cancellation(policy_of(booking), paid, booking.start_at, now,
                                         booking.customer_id == user_id
                                             ? domain::CancelledBy::customer
                                             : domain::CancelledBy::specialist);
}

void transition(store::Session& session, store::BookingRecord& booking, domain::BookingStatus to,
                const std::string& actor, const std::string& why, std::int64_t now) {
  auto from = status_of(booking);
  if (!domain::can_transition(from, to))
    throw Error::conflict("A " + std::string(domain::to_string(from)) + " booking cannot become " +
                          std::string(domain::to_string(to)) + ".");
  booking.status = std::string(domain::to_string(to));
  booking.active = domain::is_active(to);
  booking.updated_at = now;
  store::AuditEntry entry;
  entry.id = security::new_uuid();
  if (!actor.empty()) entry.actor_id = actor;
  entry.action = "booking.status_changed";
  entry.entity_type = "booking";
  entry.entity_id = booking.id;
  entry.from_state = std::string(domain::to_string(from));
  entry.to_state = booking.status;
  entry.detail = why;
  entry.created_at = now;
  store::append_audit(session, entry);
  // The follow-ups (emails, reminders, notifications) in the same transaction.
  if (to == domain::BookingStatus::confirmed) on_booking_confirmed(session, booking, now);
  if (to == domain::BookingStatus::cancelled && from != domain::BookingStatus::pending)
    on_booking_cancelled(session, booking, now);
}

void BookingService::confirm(store::Session& session, store::BookingRecord& booking,
                             std::int64_t now, const std::string& actor) {
  transition(session, booking, domain::BookingStatus::confirmed, actor,
             booking.payment_amount > 0 ? "payment received" : "free session", now);
  booking.hold_expires_at.reset();
  booking.confirmed_at = now;
  auto meeting = video_.create_meeting(booking.id);
  booking.meeting_provider = meeting.provider;
  // A provider with an API (Zoom) makes the meeting in the confirmation job.
  if (!meeting.join_url.empty()) booking.meeting_url = meeting.join_url;
}

void BookingService::expire_holds(store::Session& session, std::int64_t now,
                                  const std::string& user_id) {
  store::BookingRepo repo(session);
  for (auto& booking : repo.expired_holds(now, user_id)) {
    transition(session, booking, domain::BookingStatus::cancelled, "", "payment hold expired", now);
    booking.cancellation_type = "system";
    booking.cancellation_reason = "The payment was not completed in time.";
    booking.cancelled_at = now;
    booking.payment_status = "failed";
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

  store::BookingRecord booking;
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
    booking.payment_amount = check.service.price;
    booking.payment_currency = check.service.currency;
    booking.policy_deadline_hours = check.service.cancellation_deadline_hours;
    booking.policy_refund = check.service.refund_policy;
    booking.policy_refund_percentage = check.service.refund_percentage;
    booking.customer_timezone = customer_timezone;
    booking.created_at = booking.updated_at = now;
    booking.status = "pending";
    if (check.service.price > 0) {
      booking.payment_status = "pending";
      booking.hold_expires_at = now + std::int64_t{settings_.hold_minutes} * 60'000;
    } else {
      booking.payment_status = "not-required";
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

std::optional<std::string> BookingService::party_of(const std::string& booking_id, Party party) {
  std::optional<std::string> user;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    if (auto booking = store::BookingRepo(session).find(booking_id))
      user = party == Party::customer ? booking->customer_id : booking->specialist_id;
  });
  return user;
}

domain::RefundDecision BookingService::cancellation_quote(const std::string& user_id,
                                                          const std::string& booking_id) {
  domain::RefundDecision refund;
  auto view = get(user_id, booking_id);
  const auto& b = view.booking;
  if (!domain::can_transition(status_of(b), domain::BookingStatus::cancelled))
    throw Error::conflict("A " + b.status + " booking cannot be cancelled.");
  return refund_if_cancelled(b, user_id, clock_.now_ms());
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
    if (!booking || (booking->customer_id != user_id && booking->specialist_id != user_id)) return;
    if (booking->status == "pending" && booking->hold_expires_at &&
        *booking->hold_expires_at <= now) {
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
                                         const NoteChanges& changes) {
  return change(user_id, booking_id, [&](store::Session&, store::BookingRecord& b, std::int64_t) {
    const bool is_customer = b.customer_id == user_id;
    if (changes.customer_notes) {
      if (!is_customer) throw Error::invalid_field("customerNotes", "is the customer's to write");
      b.customer_notes = *changes.customer_notes;
    }
    if (changes.specialist_notes || changes.shared_notes) {
      if (is_customer)
        throw Error::invalid_field(changes.shared_notes ? "sharedNotes" : "specialistNotes",
                                   "is the specialist's to write");
      if (changes.specialist_notes) b.specialist_notes = *changes.specialist_notes;
      if (changes.shared_notes) b.shared_notes = *changes.shared_notes;
    }
  });
}

Cancellation BookingService::cancel(const std::string& user_id, const std::string& booking_id,
                                    const std::string& reason) {
  domain::RefundDecision refund;
  auto view = change(
      user_id, booking_id, [&](store::Session& session, store::BookingRecord& b, std::int64_t now) {
        const bool by_customer = b.customer_id == user_id;
        const std::int64_t paid = b.payment_status == "completed" ? b.payment_amount : 0;
        refund = refund_if_cancelled(b, user_id, now);
        transition(session, b, domain::BookingStatus::cancelled, user_id,
                   reason.empty() ? "cancelled" : reason, now);
        b.cancellation_type = by_customer ? "customer" : "specialist";
        b.cancellation_reason = reason;
        b.cancelled_at = now;
        b.refund_amount = refund.amount;
        if (refund.amount > 0) {
          b.payment_status = "refund-pending";
          plan_refund(session, b.id, now + settings_.refund_retry_seconds * std::int64_t{1000},
                      now);
        }
        if (paid == 0 && b.payment_status == "pending") b.payment_status = "failed";
      });
  return {view, refund};
}

Cancellation BookingService::request_refund(const std::string& user_id,
                                            const std::string& booking_id,
                                            const std::string& reason) {
  domain::RefundDecision refund;
  auto view = change(
      user_id, booking_id, [&](store::Session& session, store::BookingRecord& b, std::int64_t now) {
        if (b.customer_id != user_id)
          throw Error::forbidden("Only the customer asks for a refund.");
        if (b.payment_status != "completed" && b.payment_status != "refund-pending")
          throw Error::conflict("There is no payment on this booking to refund.");
        if (b.refund_requested_at) throw Error::conflict("A refund was already requested.");
        // What the policy grants if the booking were cancelled now; a session
        // that took place is judged by the specialist (recorded, decided later).
        refund = domain::refund_for_cancellation(policy_of(b), b.payment_amount, b.start_at, now,
                                                 domain::CancelledBy::customer);
        b.refund_requested_at = now;
        b.refund_request_reason = reason;
        store::AuditEntry entry;
        entry.id = security::new_uuid();
        entry.actor_id = user_id;
        entry.action = "booking.refund_requested";
        entry.entity_type = "booking";
        entry.entity_id = b.id;
        entry.detail = reason;
        entry.created_at = now;
        store::append_audit(session, entry);
      });
  return {view, refund};
}

BookingView BookingService::reschedule(const std::string& user_id, const std::string& booking_id,
                                       const std::string& new_slot_id) {
  try {
    return change(
        user_id, booking_id,
        [&](store::Session& session, store::BookingRecord& b, std::int64_t now) {
          auto status = status_of(b);
          if (status != domain::BookingStatus::pending &&
              status != domain::BookingStatus::confirmed)
            throw Error::conflict("Only a pending or confirmed booking can be rescheduled.");
          auto ref = domain::parse_slot_id(new_slot_id);
          if (!ref) throw Error::invalid_field("slotId", "is not a slot id from a slot list");
          if (ref->service_id != b.service_id)
            throw Error::invalid_field("slotId", "must be a slot of the same service");
          // The booking's own time must not count against its new slot: free it
          // inside this transaction; if anything below fails, nothing changes.
          store::BookingRepo repo(session);
          b.active = false;
          repo.update(b);
          auto check = checked_slot(availability_, session, new_slot_id, now);
          const auto start = to_ms(check.slot.start), end = to_ms(check.slot.end);
          if (repo.customer_has_overlap(b.customer_id, start, end, b.id))
            throw Error::conflict("The customer already has a booking at that time.");
          auto guard = domain::booking_guard(start, end, check.buffer_minutes);
          store::AuditEntry entry;
          entry.id = security::new_uuid();
          entry.actor_id = user_id;
          entry.action = "booking.rescheduled";
          entry.entity_type = "booking";
          entry.entity_id = b.id;
          entry.from_state = b.slot_id;
          entry.to_state = new_slot_id;
          entry.created_at = now;
          store::append_audit(session, entry);
          const auto previous_start = b.start_at, previous_end = b.end_at;
          b.rescheduled_from = b.slot_id;
          b.slot_id = domain::slot_id(check.service.id, check.slot.start);
          b.start_at = start;
          b.end_at = end;
          b.guard_start_at = guard.start_ms;
          b.guard_end_at = guard.end_ms;
          b.active = true;
          // A pending booking's confirmation, when it comes, carries the new time.
          if (status == domain::BookingStatus::confirmed)
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
  if (!booking || booking->status != "confirmed") return false;
  transition(session, *booking, domain::BookingStatus::in_progress, "", "meeting started", at);
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
  if (booking->status == "confirmed") {
    transition(session, *booking, domain::BookingStatus::in_progress, "", "meeting started", at);
    booking->session_started_at = at;
  }
  if (booking->status != "in-progress") return false;
  transition(session, *booking, domain::BookingStatus::completed, "", "meeting ended", at);
  booking->session_ended_at = at;
  repo.update(*booking);
  return true;
}

BookingView BookingService::start_session(const std::string& specialist_id,
                                          const std::string& booking_id) {
  return change(specialist_id, booking_id,
                [&](store::Session& session, store::BookingRecord& b, std::int64_t now) {
                  if (b.specialist_id != specialist_id)
                    throw Error::forbidden("The specialist starts the session.");
                  if (now < b.start_at - 15 * 60'000)
                    throw Error::conflict("The session can start at most 15 minutes early.");
                  transition(session, b, domain::BookingStatus::in_progress, specialist_id,
                             "session started", now);
                  b.session_started_at = now;
                });
}

BookingView BookingService::end_session(const std::string& specialist_id,
                                        const std::string& booking_id) {
  return change(specialist_id, booking_id,
                [&](store::Session& session, store::BookingRecord& b, std::int64_t now) {
                  if (b.specialist_id != specialist_id)
                    throw Error::forbidden("The specialist ends the session.");
                  transition(session, b, domain::BookingStatus::completed, specialist_id,
                             "session ended", now);
                  b.session_ended_at = now;
                });
}

BookingView BookingService::mark_no_show(const std::string& specialist_id,
                                         const std::string& booking_id) {
  return change(specialist_id, booking_id,
                [&](store::Session& session, store::BookingRecord& b, std::int64_t now) {
                  if (b.specialist_id != specialist_id)
                    throw Error::forbidden("The specialist records a no-show.");
                  if (now < b.start_at)
                    throw Error::conflict("A no-show can be recorded once the start has passed.");
                  transition(session, b, domain::BookingStatus::no_show, specialist_id,
                             "customer did not come", now);
                });
}

bool BookingService::confirm_payment(store::Session& session, const std::string& booking_id,
                                     std::int64_t now) {
  store::BookingRepo repo(session);
  auto booking = repo.find(booking_id);
  if (!booking) return false;
  if (booking->status == "pending" && booking->hold_expires_at &&
      *booking->hold_expires_at <= now) {
    expire_holds(session, now, booking->customer_id);
    booking = repo.find(booking_id);
  }
  if (booking->status == "pending") {
    booking->payment_status = "completed";
    confirm(session, *booking, now, "");
    repo.update(*booking);
    return true;
  }
  if (booking->status == "confirmed" || booking->status == "in-progress" ||
      booking->status == "completed")
    return true;  // already confirmed: a repeated event
  // Paid, but the booking is gone (hold expired, cancelled): refund it all.
  booking->payment_status = "refunded";
  booking->refund_amount = booking->payment_amount;
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
    if (booking->status == "pending") {
      booking->payment_status = "completed";
      confirm(session, *booking, now, "");
      repo.update(*booking);
    }
    result = view_of(session, *booking);
  });
  if (!result) throw Error::not_found("The booking");
  return *result;
}

}  // namespace confer::app
