#pragma once
// Booking rules that need no I/O: the status machine, what a cancellation
// refunds under a service's policy, and the guard interval the database uses
// to keep bookings (with their buffer) from overlapping.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace confer::domain {

// pending (held while the customer pays) → confirmed → in-progress → completed;
// cancelled and no-show end a booking early.
enum class BookingStatus { pending, confirmed, in_progress, completed, cancelled, no_show };

std::string_view to_string(BookingStatus status);
std::optional<BookingStatus> parse_booking_status(std::string_view text);
bool can_transition(BookingStatus from, BookingStatus to);
// Active bookings hold their time: nobody else can book it. Every booking
// but a cancelled one does: a session ended early (completed) or missed
// (no-show) keeps its slot, which was sold and must not be sold again.
bool is_active(BookingStatus status);

enum class RefundPolicy { full, percentage, none };
std::string_view to_string(RefundPolicy policy);
std::optional<RefundPolicy> parse_refund_policy(std::string_view text);

struct CancellationPolicy {
  int deadline_hours = 24;  // free cancellation until this long before the start
  RefundPolicy late_refund = RefundPolicy::full;
  int late_refund_percentage = 100;  // for RefundPolicy::percentage
};

enum class CancelledBy { customer, specialist, system };

struct RefundDecision {
  std::int64_t amount = 0;  // minor units to give back
  bool within_deadline = false;
  std::string reason;  // in words, for the customer
};

// Rule: a specialist's or the system's cancellation refunds everything paid.
// A customer cancelling at least `deadline_hours` before the start gets it
// all back; later, the policy's late refund applies — a percentage rounded
// half up to a whole minor unit. Nothing paid, nothing refunded.
RefundDecision refund_for_cancellation(const CancellationPolicy& policy, std::int64_t amount_paid,
                                       std::int64_t start_ms, std::int64_t cancelled_at_ms,
                                       CancelledBy by);

// [start − buffer/2, end + buffer/2) in ms: two guards that do not overlap are
// at least one buffer apart, which is what the slot engine offers.
struct Guard {
  std::int64_t start_ms;
  std::int64_t end_ms;
};
Guard booking_guard(std::int64_t start_ms, std::int64_t end_ms, int buffer_minutes);

}  // namespace confer::domain
