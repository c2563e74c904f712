#include "domain/booking_rules.hpp"

#include <array>

namespace confer::domain {
namespace {

constexpr std::array<std::pair<BookingStatus, std::string_view>, 6> names{{
    {BookingStatus::pending, "pending"},
    {BookingStatus::confirmed, "confirmed"},
    {BookingStatus::in_progress, "in-progress"},
    {BookingStatus::completed, "completed"},
    {BookingStatus::cancelled, "cancelled"},
    {BookingStatus::no_show, "no-show"},
}};

}  // namespace

std::string_view to_string(BookingStatus status) {
  for (const auto& [value, name] : names)
    if (value == status) return name;
  return "pending";
}

std::optional<BookingStatus> parse_booking_status(std::string_view text) {
  for (const auto& [value, name] : names)
    if (name == text) return value;
  return std::nullopt;
}

bool can_transition(BookingStatus from, BookingStatus to) {
  using S = BookingStatus;
  switch (from) {
    case S::pending:
      return to == S::confirmed || to == S::cancelled;
    case S::confirmed:
      return to == S::in_progress || to == S::cancelled || to == S::no_show;
    case S::in_progress:
      return to == S::completed;
    case S::completed:
    case S::cancelled:
    case S::no_show:
      return false;
  }
  return false;
}

bool is_active(BookingStatus status) {
  return status != BookingStatus::cancelled;
}

std::string_view to_string(RefundPolicy policy) {
  switch (policy) {
    case RefundPolicy::full:
      return "full";
    case RefundPolicy::percentage:
      return "percentage";
    case RefundPolicy::none:
      return "none";
  }
  return "full";
}

std::optional<RefundPolicy> parse_refund_policy(std::string_view text) {
  if (text == "full") return RefundPolicy::full;
  if (text == "percentage") return RefundPolicy::percentage;
  if (text == "none") return RefundPolicy::none;
  return std::nullopt;
}

RefundDecision refund_for_cancellation(const CancellationPolicy& policy, std::int64_t amount_paid,
                                       std::int64_t start_ms, std::int64_t cancelled_at_ms,
                                       CancelledBy by) {
  RefundDecision decision;
  const std::int64_t deadline_ms = start_ms - std::int64_t{policy.deadline_hours} * 3'600'000;
  decision.within_deadline = cancelled_at_ms <= deadline_ms;
  if (amount_paid <= 0) {
    decision.reason = "Nothing was paid.";
    return decision;
  }
  if (by != CancelledBy::customer) {
    decision.amount = amount_paid;
    decision.reason = "Cancelled by the specialist or the platform: everything paid is refunded.";
    return decision;
  }
  if (decision.within_deadline) {
    decision.amount = amount_paid;
    decision.reason = "Cancelled at least " + std::to_string(policy.deadline_hours) +
                      " hours before the start: a full refund.";
    return decision;
  }
  switch (policy.late_refund) {
    case RefundPolicy::full:
      decision.amount = amount_paid;
      decision.reason = "This service refunds late cancellations in full.";
      break;
    case RefundPolicy::percentage:
      decision.amount = (amount_paid * policy.late_refund_percentage + 50) / 100;
      decision.reason =
          "Cancelled less than " + std::to_string(policy.deadline_hours) +
          " hours before the start: " + std::to_string(policy.late_refund_percentage) +
          "% is refunded.";
      break;
    case RefundPolicy::none:
      decision.amount = 0;
      decision.reason = "Cancelled less than " + std::to_string(policy.deadline_hours) +
                        " hours before the start: this service gives no refund.";
      break;
  }
  return decision;
}

Guard booking_guard(std::int64_t start_ms, std::int64_t end_ms, int buffer_minutes) {
  const std::int64_t half = std::int64_t{buffer_minutes} * 60'000 / 2;
  return {start_ms - half, end_ms + half};
}

}  // namespace confer::domain
