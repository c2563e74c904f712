#include "store/booking_repo.hpp"

#include "store/booking_columns.hpp"

namespace confer::store {
namespace {

std::string select_all() {
  return "SELECT " + booking_select_list() + " FROM bookings";
}

// The WHERE clause and parameters shared by list() and count().
std::pair<std::string, Params> where(const BookingFilter& f) {
  std::string sql = f.as_specialist ? " WHERE specialist_id = $1" : " WHERE customer_id = $1";
  Params params{f.user_id};
  if (f.status) {
    params.emplace_back(std::string(domain::to_string(*f.status)));
    sql += " AND status = $" + std::to_string(params.size());
  }
  if (f.upcoming) {
    // Bounded on start_at too, so that the (user, start_at) index narrows
    // the walk: a booking ending after now started at most the longest
    // booking ago; one ended by now started by now.
    params.emplace_back(f.now);
    const auto now = "$" + std::to_string(params.size());
    if (*f.upcoming) {
      params.emplace_back(f.now - longest_booking_ms);
      sql += " AND end_at > " + now + " AND start_at > $" + std::to_string(params.size());
    } else {
      sql += " AND end_at <= " + now + " AND start_at <= " + now;
    }
  }
  return {sql, params};
}

}  // namespace

void BookingRepo::insert(const domain::Booking& b) {
  session_.write_later(booking_insert_sql(), booking_insert_params(b));
}

void BookingRepo::update(const domain::Booking& b) {
  session_.execute(booking_update_sql(), booking_update_params(b));
}

std::optional<domain::Booking> BookingRepo::find(const std::string& id) {
  auto row = session_.query_one(select_all() + " WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return booking_from_row(*row);
}

std::vector<domain::Booking> BookingRepo::list(const BookingFilter& filter) {
  auto [sql, params] = where(filter);
  // Upcoming soonest first; otherwise most recent first.
  const bool ascending = filter.upcoming.value_or(false);
  if (filter.after) {
    params.emplace_back(filter.after->start_at);
    params.emplace_back(filter.after->id);
    sql += std::string(ascending ? " AND (start_at, id) > ($" : " AND (start_at, id) < ($") +
           std::to_string(params.size() - 1) + ", $" + std::to_string(params.size()) + ")";
  }
  const std::string order =
      ascending ? " ORDER BY start_at, id" : " ORDER BY start_at DESC, id DESC";
  params.emplace_back(std::int64_t{filter.limit});
  params.emplace_back(std::int64_t{filter.after ? 0 : filter.offset});
  // The page's ids from the (user, start_at, id) index alone — an offset
  // skips index entries, not rows — then their rows.
  std::vector<domain::Booking> bookings;
  for (const auto& row :
       session_.query(select_all() + " WHERE id IN (SELECT id FROM bookings" + sql + order +
                          " LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" +
                          std::to_string(params.size()) + ")" + order,
                      params))
    bookings.push_back(booking_from_row(row));
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

RunningHolds BookingRepo::running_holds(const std::string& customer_id,
                                        const std::string& specialist_id, std::int64_t now) {
  serialize_on(session_, "holds", customer_id);
  auto row = session_.query_one(
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN specialist_id = $2 THEN 1 ELSE 0 END), 0),"
      " COALESCE(MIN(hold_expires_at), 0) FROM bookings"
      " WHERE customer_id = $1 AND status = 'pending' AND hold_expires_at > $3",
      {customer_id, specialist_id, now});
  return {row->integer(0), row->integer(1), row->integer(2)};
}

std::vector<domain::Booking> BookingRepo::expired_holds(std::int64_t now,
                                                        const std::string& user_id) {
  std::vector<domain::Booking> bookings;
  for (const auto& row : session_.query(
           select_all() + " WHERE status = 'pending' AND active = 1 AND hold_expires_at <= $1"
                          " AND ($2 = '' OR customer_id = $2 OR specialist_id = $2)",
           {now, user_id}))
    bookings.push_back(booking_from_row(row));
  return bookings;
}

}  // namespace confer::store
