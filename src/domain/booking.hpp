#pragma once
// A booking as the rules see it: typed statuses, its price and the
// cancellation policy it was sold under, and the changes a party may make to
// it. Each change checks the status machine and the party, updates the
// booking, and returns what happened (the audit event) or a Refusal; the
// use cases store both. Whether a booking holds its time (`active()`) follows
// from its status alone. Pure: no clock, no I/O; `now` is passed in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/booking_rules.hpp"
#include "domain/outcome.hpp"

namespace confer::domain {

enum class PaymentStatus {
  pending,         // awaiting payment (a hold)
  completed,       // paid
  not_required,    // a free session
  failed,          // never paid (the hold ran out, or cancelled unpaid)
  refund_pending,  // money owed back, not yet confirmed by the provider
  refunded,        // money given back (refund_amount of it)
  refund_failed,   // the provider could not give it back
};
std::string_view to_string(PaymentStatus status);
std::optional<PaymentStatus> parse_payment_status(std::string_view text);

std::string_view to_string(CancelledBy by);
std::optional<CancelledBy> parse_cancelled_by(std::string_view text);

enum class Role { customer, specialist, admin };
std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

struct Money {
  std::int64_t amount = 0;  // minor units
  std::string currency;     // ISO 4217
  bool operator==(const Money&) const = default;
};

// The two parties to a booking.
enum class Party { customer, specialist };

// A session may start this long before its time, not earlier.
inline constexpr std::int64_t session_start_lead_ms = 15 * 60'000;

// What happened to a booking, as its audit row records it.
struct BookingEvent {
  std::string action;  // "booking.status_changed", "booking.rescheduled", …
  std::string from_state;
  std::string to_state;
  std::string detail;
  std::optional<std::string> actor_id;  // none: the system
  std::int64_t at = 0;
};

struct NoteChanges {
  std::optional<std::string> customer_notes;    // the customer's own
  std::optional<std::string> specialist_notes;  // private to the specialist
  std::optional<std::string> shared_notes;      // written by the specialist, shown to both
};

struct Cancelled {
  BookingEvent event;
  RefundDecision refund;
};

struct RefundRequested {
  BookingEvent event;
  RefundDecision refund;  // what the policy grants if cancelled now
};

// A new slot for a booking: its times and guard (see booking_guard).
struct SlotTimes {
  std::string slot_id;
  std::int64_t start_at = 0;
  std::int64_t end_at = 0;
  Guard guard{0, 0};
};

struct Booking {
  std::string id;
  std::string specialist_id;
  std::string customer_id;
  std::string service_id;
  std::string slot_id;
  std::int64_t start_at = 0;  // instants in ms since the epoch, UTC
  std::int64_t end_at = 0;
  std::int64_t guard_start_at = 0;
  std::int64_t guard_end_at = 0;
  BookingStatus status = BookingStatus::pending;
  std::optional<std::int64_t> hold_expires_at;
  std::string customer_notes;
  std::string specialist_notes;
  std::string shared_notes;
  std::optional<CancelledBy> cancelled_by;
  std::optional<std::string> cancellation_reason;
  std::optional<std::int64_t> cancelled_at;
  Money price;  // what the customer pays (0 for a free session)
  PaymentStatus payment_status = PaymentStatus::pending;
  std::int64_t refund_amount = 0;  // minor units owed back or given back
  std::optional<std::int64_t> session_started_at;
  std::optional<std::int64_t> session_ended_at;
  std::optional<std::string> rescheduled_from;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::string> meeting_provider;
  std::optional<std::string> meeting_url;
  std::optional<std::int64_t> refund_requested_at;
  std::optional<std::string> refund_request_reason;
  std::optional<std::int64_t> confirmed_at;
  CancellationPolicy policy;      // the service's, when the booking was made
  std::string customer_timezone;  // the zone the slot was picked in; "" = the account's

  // Holds its time: nobody else can book it (every status but cancelled).
  bool active() const { return is_active(status); }
  bool awaits_payment() const { return status == BookingStatus::pending; }
  // A hold whose time ran out at `now` (it still holds its slot until swept).
  bool hold_lapsed(std::int64_t now) const {
    return awaits_payment() && hold_expires_at && *hold_expires_at <= now;
  }
  std::optional<Party> party(std::string_view user_id) const;
  // What was paid (and so can be refunded): the price once payment completed.
  std::int64_t amount_paid() const;

  // Moves to `to` when the status machine allows it.
  Outcome<BookingEvent> move_to(BookingStatus to, std::optional<std::string> actor, std::string why,
                                std::int64_t now);
  // Paid (or free): pending → confirmed, the hold released.
  Outcome<BookingEvent> confirm(std::optional<std::string> actor, std::int64_t now);
  // The unpaid hold ran out: cancelled by the system, payment failed.
  Outcome<BookingEvent> expire_hold(std::int64_t now);
  // What cancelling at `now` by `user_id` (a party) refunds, under `policy`.
  RefundDecision refund_if_cancelled(std::string_view user_id, std::int64_t now) const;
  // Cancelled by a party; the refund the policy grants becomes owed.
  Outcome<Cancelled> cancel(const std::string& user_id, const std::string& reason,
                            std::int64_t now);
  // The customer asks for their money back (recorded; decided later).
  Outcome<RefundRequested> request_refund(const std::string& user_id, const std::string& reason,
                                          std::int64_t now);
  // Each party writes only their own notes.
  std::optional<Refusal> change_notes(std::string_view user_id, const NoteChanges& changes);
  // To another slot of the same service; pending and confirmed bookings only.
  Outcome<BookingEvent> move_to_slot(const SlotTimes& slot, const std::string& actor,
                                     std::int64_t now);
  // The specialist's session controls.
  Outcome<BookingEvent> start_session(const std::string& user_id, std::int64_t now);
  Outcome<BookingEvent> end_session(const std::string& user_id, std::int64_t now);
  Outcome<BookingEvent> mark_no_show(const std::string& user_id, std::int64_t now);
};

}  // namespace confer::domain
