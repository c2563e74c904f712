#include "domain/booking.hpp"

#include <array>
#include <utility>

namespace confer::domain {
namespace {

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<PaymentStatus, 7> payment_names{{
    {PaymentStatus::pending, "pending"},
    {PaymentStatus::completed, "completed"},
    {PaymentStatus::not_required, "not-required"},
    {PaymentStatus::failed, "failed"},
    {PaymentStatus::refund_pending, "refund-pending"},
    {PaymentStatus::refunded, "refunded"},
    {PaymentStatus::refund_failed, "refund-failed"},
}};
constexpr Names<CancelledBy, 3> cancelled_by_names{{
    {CancelledBy::customer, "customer"},
    {CancelledBy::specialist, "specialist"},
    {CancelledBy::system, "system"},
}};
constexpr Names<Role, 3> role_names{{
    {Role::customer, "customer"},
    {Role::specialist, "specialist"},
    {Role::admin, "admin"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const Names<Enum, N>& names, Enum value) {
  for (const auto& [known, name] : names)
    if (known == value) return name;
  return names.front().second;
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const Names<Enum, N>& names, std::string_view text) {
  for (const auto& [known, name] : names)
    if (name == text) return known;
  return std::nullopt;
}

BookingEvent event(std::string action, std::optional<std::string> actor, std::int64_t now) {
  BookingEvent e;
  e.action = std::move(action);
  e.actor_id = std::move(actor);
  e.at = now;
  return e;
}

}  // namespace

std::string_view to_string(PaymentStatus status) {
  return name_of(payment_names, status);
}
std::optional<PaymentStatus> parse_payment_status(std::string_view text) {
  return value_of(payment_names, text);
}
std::string_view to_string(CancelledBy by) {
  return name_of(cancelled_by_names, by);
}
std::optional<CancelledBy> parse_cancelled_by(std::string_view text) {
  return value_of(cancelled_by_names, text);
}
std::string_view to_string(Role role) {
  return name_of(role_names, role);
}
std::optional<Role> parse_role(std::string_view text) {
  return value_of(role_names, text);
}

std::optional<Party> Booking::party(std::string_view user_id) const {
  if (user_id == customer_id) return Party::customer;
  if (user_id == specialist_id) return Party::specialist;
  return std::nullopt;
}

std::int64_t Booking::amount_paid() const {
  return payment_status == PaymentStatus::completed ? price.amount : 0;
}

Outcome<BookingEvent> Booking::move_to(BookingStatus to, std::optional<std::string> actor,
                                       std::string why, std::int64_t now) {
  if (!can_transition(status, to))
    return Refusal::conflict("A " + std::string(to_string(status)) + " booking cannot become " +
                             std::string(to_string(to)) + ".");
  auto e = event("booking.status_changed", std::move(actor), now);
  e.from_state = to_string(status);
  e.to_state = to_string(to);
  e.detail = std::move(why);
  status = to;
  updated_at = now;
  return e;
}

Outcome<BookingEvent> Booking::confirm(std::optional<std::string> actor, std::int64_t now) {
  auto moved = move_to(BookingStatus::confirmed, std::move(actor),
                       price.amount > 0 ? "payment received" : "free session", now);
  if (!moved) return moved;
  hold_expires_at.reset();
  confirmed_at = now;
  return moved;
}

Outcome<BookingEvent> Booking::expire_hold(std::int64_t now) {
  auto moved = move_to(BookingStatus::cancelled, std::nullopt, "payment hold expired", now);
  if (!moved) return moved;
  cancelled_by = CancelledBy::system;
  cancellation_reason = "The payment was not completed in time.";
  cancelled_at = now;
  payment_status = PaymentStatus::failed;
  return moved;
}

RefundDecision Booking::refund_if_cancelled(std::string_view user_id, std::int64_t now) const {
  return refund_for_cancellation(
      policy, amount_paid(), start_at, now,
      user_id == customer_id ? CancelledBy::customer : CancelledBy::specialist);
}

Outcome<Cancelled> Booking::cancel(const std::string& user_id, const std::string& reason,
                                   std::int64_t now) {
  const auto refund = refund_if_cancelled(user_id, now);
  const bool unpaid = amount_paid() == 0;
  auto moved =
      move_to(BookingStatus::cancelled, user_id, reason.empty() ? "cancelled" : reason, now);
  if (!moved) return moved.refusal();
  cancelled_by = user_id == customer_id ? CancelledBy::customer : CancelledBy::specialist;
  cancellation_reason = reason;
  cancelled_at = now;
  refund_amount = refund.amount;
  if (refund.amount > 0) payment_status = PaymentStatus::refund_pending;
  if (unpaid && payment_status == PaymentStatus::pending) payment_status = PaymentStatus::failed;
  return Cancelled{std::move(moved.value()), refund};
}

Outcome<RefundRequested> Booking::request_refund(const std::string& user_id,
                                                 const std::string& reason, std::int64_t now) {
  if (user_id != customer_id) return Refusal::forbidden("Only the customer asks for a refund.");
  if (payment_status != PaymentStatus::completed && payment_status != PaymentStatus::refund_pending)
    return Refusal::conflict("There is no payment on this booking to refund.");
  if (refund_requested_at) return Refusal::conflict("A refund was already requested.");
  // What the policy grants if the booking were cancelled now; a session
  // that took place is judged by the specialist (recorded, decided later).
  auto refund = refund_for_cancellation(policy, price.amount, start_at, now, CancelledBy::customer);
  refund_requested_at = now;
  refund_request_reason = reason;
  updated_at = now;
  auto e = event("booking.refund_requested", user_id, now);
  e.detail = reason;
  return RefundRequested{std::move(e), std::move(refund)};
}

std::optional<Refusal> Booking::change_notes(std::string_view user_id, const NoteChanges& changes) {
  const bool is_customer = user_id == customer_id;
  if (changes.customer_notes && !is_customer)
    return Refusal::invalid("customerNotes", "is the customer's to write");
  if ((changes.specialist_notes || changes.shared_notes) && is_customer)
    return Refusal::invalid(changes.shared_notes ? "sharedNotes" : "specialistNotes",
                            "is the specialist's to write");
  if (changes.customer_notes) customer_notes = *changes.customer_notes;
  if (changes.specialist_notes) specialist_notes = *changes.specialist_notes;
  if (changes.shared_notes) shared_notes = *changes.shared_notes;
  return std::nullopt;
}

Outcome<BookingEvent> Booking::move_to_slot(const SlotTimes& slot, const std::string& actor,
                                            std::int64_t now) {
  if (status != BookingStatus::pending && status != BookingStatus::confirmed)
    return Refusal::conflict("Only a pending or confirmed booking can be rescheduled.");
  auto e = event("booking.rescheduled", actor, now);
  e.from_state = slot_id;
  e.to_state = slot.slot_id;
  rescheduled_from = slot_id;
  slot_id = slot.slot_id;
  start_at = slot.start_at;
  end_at = slot.end_at;
  guard_start_at = slot.guard.start_ms;
  guard_end_at = slot.guard.end_ms;
  updated_at = now;
  return e;
}

Outcome<BookingEvent> Booking::start_session(const std::string& user_id, std::int64_t now) {
  if (user_id != specialist_id) return Refusal::forbidden("The specialist starts the session.");
  if (now < start_at - session_start_lead_ms)
    return Refusal::conflict("The session can start at most 15 minutes early.");
  auto moved = move_to(BookingStatus::in_progress, user_id, "session started", now);
  if (moved) session_started_at = now;
  return moved;
}

Outcome<BookingEvent> Booking::end_session(const std::string& user_id, std::int64_t now) {
  if (user_id != specialist_id) return Refusal::forbidden("The specialist ends the session.");
  auto moved = move_to(BookingStatus::completed, user_id, "session ended", now);
  if (moved) session_ended_at = now;
  return moved;
}

Outcome<BookingEvent> Booking::mark_no_show(const std::string& user_id, std::int64_t now) {
  if (user_id != specialist_id) return Refusal::forbidden("The specialist records a no-show.");
  if (now < start_at)
    return Refusal::conflict("A no-show can be recorded once the start has passed.");
  return move_to(BookingStatus::no_show, user_id, "customer did not come", now);
}

}  // namespace confer::domain
