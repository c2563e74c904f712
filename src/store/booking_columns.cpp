#include "store/booking_columns.hpp"

#include <array>

namespace confer::store {
namespace {

using domain::Booking;

// When an UPDATE writes the column: always, never (set once by INSERT), or
// only to fill it (a meeting link, added by the confirmation job possibly
// while the caller's copy was read, is never erased by an update).
enum class Update { always, never, fill };

struct Column {
  std::string_view name;
  Update update;
  Param (*value)(const Booking&);
  void (*read)(Booking&, const Row&, std::size_t);
};

template <typename T>
T parsed_or(std::optional<T> value, T fallback) {
  return value.value_or(fallback);
}

// clang-format off
const std::array<Column, 36> columns{{
    {"id", Update::never, [](const Booking& b) -> Param { return b.id; },
     [](Booking& b, const Row& r, std::size_t i) { b.id = r.text(i); }},
    {"specialist_id", Update::never, [](const Booking& b) -> Param { return b.specialist_id; },
     [](Booking& b, const Row& r, std::size_t i) { b.specialist_id = r.text(i); }},
    {"customer_id", Update::never, [](const Booking& b) -> Param { return b.customer_id; },
     [](Booking& b, const Row& r, std::size_t i) { b.customer_id = r.text(i); }},
    {"service_id", Update::always, [](const Booking& b) -> Param { return b.service_id; },
     [](Booking& b, const Row& r, std::size_t i) { b.service_id = r.text(i); }},
    {"slot_id", Update::always, [](const Booking& b) -> Param { return b.slot_id; },
     [](Booking& b, const Row& r, std::size_t i) { b.slot_id = r.text(i); }},
    {"start_at", Update::always, [](const Booking& b) -> Param { return b.start_at; },
     [](Booking& b, const Row& r, std::size_t i) { b.start_at = r.integer(i); }},
    {"end_at", Update::always, [](const Booking& b) -> Param { return b.end_at; },
     [](Booking& b, const Row& r, std::size_t i) { b.end_at = r.integer(i); }},
    {"guard_start_at", Update::always, [](const Booking& b) -> Param { return b.guard_start_at; },
     [](Booking& b, const Row& r, std::size_t i) { b.guard_start_at = r.integer(i); }},
    {"guard_end_at", Update::always, [](const Booking& b) -> Param { return b.guard_end_at; },
     [](Booking& b, const Row& r, std::size_t i) { b.guard_end_at = r.integer(i); }},
    {"status", Update::always,
     [](const Booking& b) -> Param { return std::string(domain::to_string(b.status)); },
     [](Booking& b, const Row& r, std::size_t i) {
       b.status = parsed_or(domain::parse_booking_status(r.text(i)), domain::BookingStatus::pending);
     }},
    // Kept for the overlap indexes and PostgreSQL's exclusion constraints;
    // always what the status says.
    {"active", Update::always,
     [](const Booking& b) -> Param { return std::int64_t{b.active() ? 1 : 0}; },
     [](Booking&, const Row&, std::size_t) {}},
    {"hold_expires_at", Update::always,
     [](const Booking& b) { return optional_param(b.hold_expires_at); },
     [](Booking& b, const Row& r, std::size_t i) { b.hold_expires_at = r.optional_integer(i); }},
    {"customer_notes", Update::always, [](const Booking& b) -> Param { return b.customer_notes; },
     [](Booking& b, const Row& r, std::size_t i) { b.customer_notes = r.text(i); }},
    {"specialist_notes", Update::always,
     [](const Booking& b) -> Param { return b.specialist_notes; },
     [](Booking& b, const Row& r, std::size_t i) { b.specialist_notes = r.text(i); }},
    {"shared_notes", Update::always, [](const Booking& b) -> Param { return b.shared_notes; },
     [](Booking& b, const Row& r, std::size_t i) { b.shared_notes = r.text(i); }},
    {"cancellation_type", Update::always,
     [](const Booking& b) -> Param {
       return b.cancelled_by ? Param{std::string(domain::to_string(*b.cancelled_by))} : null_param();
     },
     [](Booking& b, const Row& r, std::size_t i) {
       if (auto text = r.optional_text(i)) b.cancelled_by = domain::parse_cancelled_by(*text);
     }},
    {"cancellation_reason", Update::always,
     [](const Booking& b) { return optional_param(b.cancellation_reason); },
     [](Booking& b, const Row& r, std::size_t i) { b.cancellation_reason = r.optional_text(i); }},
    {"cancelled_at", Update::always, [](const Booking& b) { return optional_param(b.cancelled_at); },
     [](Booking& b, const Row& r, std::size_t i) { b.cancelled_at = r.optional_integer(i); }},
    {"payment_amount", Update::always, [](const Booking& b) -> Param { return b.price.amount; },
     [](Booking& b, const Row& r, std::size_t i) { b.price.amount = r.integer(i); }},
    {"payment_currency", Update::always, [](const Booking& b) -> Param { return b.price.currency; },
     [](Booking& b, const Row& r, std::size_t i) { b.price.currency = r.text(i); }},
    {"payment_status", Update::always,
     [](const Booking& b) -> Param { return std::string(domain::to_string(b.payment_status)); },
     [](Booking& b, const Row& r, std::size_t i) {
       b.payment_status =
           parsed_or(domain::parse_payment_status(r.text(i)), domain::PaymentStatus::pending);
     }},
    {"refund_amount", Update::always, [](const Booking& b) -> Param { return b.refund_amount; },
     [](Booking& b, const Row& r, std::size_t i) { b.refund_amount = r.integer(i); }},
    {"session_started_at", Update::always,
     [](const Booking& b) { return optional_param(b.session_started_at); },
     [](Booking& b, const Row& r, std::size_t i) { b.session_started_at = r.optional_integer(i); }},
    {"session_ended_at", Update::always,
     [](const Booking& b) { return optional_param(b.session_ended_at); },
     [](Booking& b, const Row& r, std::size_t i) { b.session_ended_at = r.optional_integer(i); }},
    {"rescheduled_from", Update::always,
     [](const Booking& b) { return optional_param(b.rescheduled_from); },
     [](Booking& b, const Row& r, std::size_t i) { b.rescheduled_from = r.optional_text(i); }},
    {"created_at", Update::never, [](const Booking& b) -> Param { return b.created_at; },
     [](Booking& b, const Row& r, std::size_t i) { b.created_at = r.integer(i); }},
    {"updated_at", Update::always, [](const Booking& b) -> Param { return b.updated_at; },
     [](Booking& b, const Row& r, std::size_t i) { b.updated_at = r.integer(i); }},
    {"meeting_provider", Update::fill,
     [](const Booking& b) { return optional_param(b.meeting_provider); },
     [](Booking& b, const Row& r, std::size_t i) { b.meeting_provider = r.optional_text(i); }},
    {"meeting_url", Update::fill, [](const Booking& b) { return optional_param(b.meeting_url); },
     [](Booking& b, const Row& r, std::size_t i) { b.meeting_url = r.optional_text(i); }},
    {"refund_requested_at", Update::always,
     [](const Booking& b) { return optional_param(b.refund_requested_at); },
     [](Booking& b, const Row& r, std::size_t i) { b.refund_requested_at = r.optional_integer(i); }},
    {"refund_request_reason", Update::always,
     [](const Booking& b) { return optional_param(b.refund_request_reason); },
     [](Booking& b, const Row& r, std::size_t i) { b.refund_request_reason = r.optional_text(i); }},
    {"confirmed_at", Update::always, [](const Booking& b) { return optional_param(b.confirmed_at); },
     [](Booking& b, const Row& r, std::size_t i) { b.confirmed_at = r.optional_integer(i); }},
    // The policy the booking was sold under and the zone it was picked in
    // never change once it is made (migration 0015).
    {"policy_deadline_hours", Update::never,
     [](const Booking& b) -> Param { return std::int64_t{b.policy.deadline_hours}; },
     [](Booking& b, const Row& r, std::size_t i) {
       b.policy.deadline_hours = static_cast<int>(r.integer(i));
     }},
    {"policy_refund", Update::never,
     [](const Booking& b) -> Param { return std::string(domain::to_string(b.policy.late_refund)); },
     [](Booking& b, const Row& r, std::size_t i) {
       b.policy.late_refund =
           parsed_or(domain::parse_refund_policy(r.text(i)), domain::RefundPolicy::full);
     }},
    {"policy_refund_percentage", Update::never,
     [](const Booking& b) -> Param { return std::int64_t{b.policy.late_refund_percentage}; },
     [](Booking& b, const Row& r, std::size_t i) {
       b.policy.late_refund_percentage = static_cast<int>(r.integer(i));
     }},
    {"customer_timezone", Update::never,
     [](const Booking& b) -> Param {
       return b.customer_timezone.empty() ? null_param() : Param{b.customer_timezone};
     },
     [](Booking& b, const Row& r, std::size_t i) {
       b.customer_timezone = r.optional_text(i).value_or("");
     }},
}};
// clang-format on

std::string placeholder(std::size_t n) {
  return "$" + std::to_string(n);
}

}  // namespace

std::size_t booking_column_count() {
  return columns.size();
}

const std::string& booking_select_list() {
  static const std::string list = [] {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : ", ") + std::string(c.name);
    return out;
  }();
  return list;
}

const std::string& booking_insert_sql() {
  static const std::string sql = [] {
    std::string values;
    for (std::size_t i = 1; i <= columns.size(); ++i)
      values += (i == 1 ? "" : ", ") + placeholder(i);
    return "INSERT INTO bookings (" + booking_select_list() + ") VALUES (" + values + ")";
  }();
  return sql;
}

Params booking_insert_params(const domain::Booking& booking) {
  Params params;
  params.reserve(columns.size());
  for (const auto& c : columns) params.push_back(c.value(booking));
  return params;
}

const std::string& booking_update_sql() {
  static const std::string sql = [] {
    std::string sets;
    std::size_t n = 1;  // $1 is the id
    for (const auto& c : columns) {
      if (c.update == Update::never) continue;
      const auto name = std::string(c.name);
      const auto value = placeholder(++n);
      sets += (sets.empty() ? "" : ", ") + name + " = " +
              (c.update == Update::fill ? "COALESCE(" + value + ", " + name + ")" : value);
    }
    return "UPDATE bookings SET " + sets + " WHERE id = $1";
  }();
  return sql;
}

Params booking_update_params(const domain::Booking& booking) {
  Params params{booking.id};
  for (const auto& c : columns)
    if (c.update != Update::never) params.push_back(c.value(booking));
  return params;
}

domain::Booking booking_from_row(const Row& row, std::size_t first) {
  domain::Booking booking;
  for (std::size_t i = 0; i < columns.size(); ++i) columns[i].read(booking, row, first + i);
  return booking;
}

}  // namespace confer::store
