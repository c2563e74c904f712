#include "store/booking_repo.hpp"

namespace confer::store {
namespace {

constexpr std::string_view columns =
    "id, specialist_id, customer_id, service_id, slot_id, start_at, end_at, guard_start_at, "
    "guard_end_at, status, active, hold_expires_at,"
    " customer_notes, specialist_notes, shared_notes, cancellation_type, cancellation_reason, "
    "cancelled_at, payment_amount, payment_currency, payment_status, refund_amount, "
    "session_started_at, session_ended_at,"
    " rescheduled_from, created_at, updated_at, meeting_provider, meeting_url, "
    "refund_requested_at, refund_request_reason, confirmed_at, policy_deadline_hours, "
    "policy_refund, policy_refund_percentage, customer_timezone";

BookingRecord to_booking(const Row& row) {
  BookingRecord b;
  b.id = row.text(0);
  b.specialist_id = row.text(1);
  b.customer_id = row.text(2);
  b.service_id = row.text(3);
  b.slot_id = row.text(4);
  b.start_at = row.integer(5);
  b.end_at = row.integer(6);
  b.guard_start_at = row.integer(7);
  b.guard_end_at = row.integer(8);
  b.status = row.text(9);
  b.active = row.boolean(10);
  b.hold_expires_at = row.optional_integer(11);
  b.customer_notes = row.text(12);
  b.specialist_notes = row.text(13);
  b.shared_notes = row.text(14);
  b.cancellation_type = row.optional_text(15);
  b.cancellation_reason = row.optional_text(16);
  b.cancelled_at = row.optional_integer(17);
  b.payment_amount = row.integer(18);
  b.payment_currency = row.text(19);
  b.payment_status = row.text(20);
  b.refund_amount = row.integer(21);
  b.session_started_at = row.optional_integer(22);
  b.session_ended_at = row.optional_integer(23);
  b.rescheduled_from = row.optional_text(24);
  b.created_at = row.integer(25);
  b.updated_at = row.integer(26);
  b.meeting_provider = row.optional_text(27);
  b.meeting_url = row.optional_text(28);
  b.refund_requested_at = row.optional_integer(29);
  b.refund_request_reason = row.optional_text(30);
  b.confirmed_at = row.optional_integer(31);
  b.policy_deadline_hours = static_cast<int>(row.integer(32));
  b.policy_refund = row.text(33);
  b.policy_refund_percentage = static_cast<int>(row.integer(34));
  b.customer_timezone = row.optional_text(35).value_or("");
  return b;
}

std::string select_all() {
  return "SELECT " + std::string(columns) + " FROM bookings";
}

// The WHERE clause and parameters shared by list() and count().
std::pair<std::string, Params> where(const BookingFilter& f) {
  std::string sql = f.as_specialist ? " WHERE specialist_id = $1" : " WHERE customer_id = $1";
  Params params{f.user_id};
  if (f.status) {
    params.emplace_back(*f.status);
    sql += " AND status = $" + std::to_string(params.size());
  }
  if (f.upcoming) {
    params.emplace_back(f.now);
    sql += (*f.upcoming ? " AND end_at > $" : " AND end_at <= $") + std::to_string(params.size());
  }
  return {sql, params};
}

}  // namespace

void BookingRepo::insert(const BookingRecord& b) {
  session_.write_later(
      "INSERT INTO bookings (" + std::string(columns) +
          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
          "$18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, "
          "$35, "
          "$36)",
      {b.id,
       b.specialist_id,
       b.customer_id,
       b.service_id,
       b.slot_id,
       b.start_at,
       b.end_at,
       b.guard_start_at,
       b.guard_end_at,
       b.status,
       std::int64_t{b.active ? 1 : 0},
       optional_param(b.hold_expires_at),
       b.customer_notes,
       b.specialist_notes,
       b.shared_notes,
       optional_param(b.cancellation_type),
       optional_param(b.cancellation_reason),
       optional_param(b.cancelled_at),
       b.payment_amount,
       b.payment_currency,
       b.payment_status,
       b.refund_amount,
       optional_param(b.session_started_at),
       optional_param(b.session_ended_at),
       optional_param(b.rescheduled_from),
       b.created_at,
       b.updated_at,
       optional_param(b.meeting_provider),
       optional_param(b.meeting_url),
       optional_param(b.refund_requested_at),
       optional_param(b.refund_request_reason),
       optional_param(b.confirmed_at),
       std::int64_t{b.policy_deadline_hours},
       b.policy_refund,
       std::int64_t{b.policy_refund_percentage},
       b.customer_timezone.empty() ? null_param() : Param{b.customer_timezone}});
}

void BookingRepo::update(const BookingRecord& b) {
  session_.execute(
      "UPDATE bookings SET service_id = $2, slot_id = $3, start_at = $4, end_at = $5, "
      "guard_start_at = $6, guard_end_at = $7, status = $8, active = $9, hold_expires_at = $10, "
      "customer_notes = $11, specialist_notes = $12, shared_notes = $13, cancellation_type = $14, "
      "cancellation_reason = $15, cancelled_at = $16, payment_amount = $17, payment_currency = "
      "$18, payment_status = $19, refund_amount = $20, session_started_at = $21, session_ended_at "
      "= $22, rescheduled_from = $23, updated_at = $24, "
      // A meeting link is only ever added (by the confirmation job, possibly
      // while this copy of the booking was read): never erased by an update.
      "meeting_provider = COALESCE($25, meeting_provider), meeting_url = COALESCE($26, "
      "meeting_url), "
      "refund_requested_at = $27, refund_request_reason = $28, confirmed_at = $29 WHERE id = $1",
      {b.id,
       b.service_id,
       b.slot_id,
       b.start_at,
       b.end_at,
       b.guard_start_at,
       b.guard_end_at,
       b.status,
       std::int64_t{b.active ? 1 : 0},
       optional_param(b.hold_expires_at),
       b.customer_notes,
       b.specialist_notes,
       b.shared_notes,
       optional_param(b.cancellation_type),
       optional_param(b.cancellation_reason),
       optional_param(b.cancelled_at),
       b.payment_amount,
       b.payment_currency,
       b.payment_status,
       b.refund_amount,
       optional_param(b.session_started_at),
       optional_param(b.session_ended_at),
       optional_param(b.rescheduled_from),
       b.updated_at,
       optional_param(b.meeting_provider),
       optional_param(b.meeting_url),
       optional_param(b.refund_requested_at),
       optional_param(b.refund_request_reason),
       optional_param(b.confirmed_at)});
}

std::optional<BookingRecord> BookingRepo::find(const std::string& id) {
  auto row = session_.query_one(select_all() + " WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return to_booking(*row);
}

std::vector<BookingRecord> BookingRepo::list(const BookingFilter& filter) {
  auto [sql, params] = where(filter);
  params.emplace_back(std::int64_t{filter.limit});
  params.emplace_back(std::int64_t{filter.offset});
  // Upcoming soonest first; otherwise most recent first.
  const char* order =
      filter.upcoming.value_or(false) ? " ORDER BY start_at, id" : " ORDER BY start_at DESC, id";
  std::vector<BookingRecord> bookings;
  for (const auto& row :
       session_.query(select_all() + sql + order + " LIMIT $" + std::to_string(params.size() - 1) +
                          " OFFSET $" + std::to_string(params.size()),
                      params))
    bookings.push_back(to_booking(row));
  return bookings;
}

std::int64_t BookingRepo::count(const BookingFilter& filter) {
  auto [sql, params] = where(filter);
  return session_.query_one("SELECT COUNT(*) FROM bookings" + sql, params)->integer(0);
}

// Active bookings of one person never overlap each other (these checks, or
// PostgreSQL's exclusion constraints, made sure of it when each was made).
// So of those starting before `end`, only the one starting last can reach
// past `start`: if it does not, every earlier one ended before it began. No
// booking is longer than longest_booking_ms, which bounds the walk back.
bool BookingRepo::customer_has_overlap(const std::string& customer_id, std::int64_t start,
                                       std::int64_t end, const std::string& except_id) {
  auto latest = session_.query_one(
      "SELECT end_at FROM bookings WHERE customer_id = $1 AND start_at < $3"
      " AND start_at > CAST($2 AS BIGINT) - CAST($5 AS BIGINT) AND active = 1 AND id <> $4"
      " ORDER BY start_at DESC LIMIT 1",
      {customer_id, start, end, except_id, longest_booking_ms});
  return latest && latest->integer(0) > start;
}

bool BookingRepo::specialist_has_overlap(const std::string& specialist_id, std::int64_t guard_start,
                                         std::int64_t guard_end, const std::string& except_id) {
  auto latest = session_.query_one(
      "SELECT guard_end_at FROM bookings WHERE specialist_id = $1 AND guard_start_at < $3"
      " AND guard_start_at > CAST($2 AS BIGINT) - CAST($5 AS BIGINT) AND active = 1"
      " AND id <> $4 ORDER BY guard_start_at DESC LIMIT 1",
      {specialist_id, guard_start, guard_end, except_id, longest_booking_ms});
  return latest && latest->integer(0) > guard_start;
}

BookingRepo::Holds BookingRepo::running_holds(const std::string& customer_id,
                                              const std::string& specialist_id, std::int64_t now) {
  auto row = session_.query_one(
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN specialist_id = $2 THEN 1 ELSE 0 END), 0),"
      " COALESCE(MIN(hold_expires_at), 0) FROM bookings"
      " WHERE customer_id = $1 AND status = 'pending' AND hold_expires_at > $3",
      {customer_id, specialist_id, now});
  return {row->integer(0), row->integer(1), row->integer(2)};
}

std::vector<BookingRecord> BookingRepo::expired_holds(std::int64_t now,
                                                      const std::string& user_id) {
  std::vector<BookingRecord> bookings;
  for (const auto& row : session_.query(
           select_all() + " WHERE status = 'pending' AND active = 1 AND hold_expires_at <= $1"
                          " AND ($2 = '' OR customer_id = $2 OR specialist_id = $2)",
           {now, user_id}))
    bookings.push_back(to_booking(row));
  return bookings;
}

}  // namespace confer::store
