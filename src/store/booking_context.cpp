#include "store/booking_context.hpp"

namespace confer::store {
namespace {

// "a, b" → "t.a, t.b"
std::string qualified(std::string_view columns, std::string_view table) {
  std::string out;
  std::size_t start = 0;
  while (start < columns.size()) {
    auto end = columns.find(',', start);
    if (end == std::string_view::npos) end = columns.size();
    auto name = columns.substr(start, end - start);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    if (!out.empty()) out += ", ";
    out.append(table).append(".").append(name);
    start = end + 1;
  }
  return out;
}

constexpr std::string_view availability_columns =
    "id, specialist_id, timezone, rules, created_at, updated_at";
constexpr std::string_view block_columns =
    "id, specialist_id, start_at, end_at, reason, created_at";
constexpr std::size_t availability_column_count = 6, block_column_count = 6;

const std::string& context_sql() {
  // One row per blocked time (or one with NULL block columns); the other
  // tables join one row each.
  static const std::string sql =
      "SELECT " + qualified(service_columns, "s") + ", " + qualified(availability_columns, "a") +
      ", " + qualified(user_columns, "sp") + ", " + qualified(user_columns, "cu") + ", " +
      qualified(block_columns, "b") + ", sv.version" +
      " FROM services s"
      " LEFT JOIN schedule_versions sv ON sv.specialist_id = s.specialist_id"
      " LEFT JOIN availability a ON a.specialist_id = s.specialist_id"
      " LEFT JOIN users sp ON sp.id = s.specialist_id"
      " LEFT JOIN users cu ON cu.id = $2"
      " LEFT JOIN blocked_slots b ON b.specialist_id = s.specialist_id"
      " AND b.end_at > $3 AND b.start_at < $4"
      " WHERE s.id = $1 ORDER BY b.start_at";
  return sql;
}

}  // namespace

std::optional<BookingContext> load_booking_context(Session& session, const std::string& service_id,
                                                   const std::string& customer_id,
                                                   std::int64_t from, std::int64_t to) {
  auto rows = session.query(context_sql(), {service_id, customer_id, from, to});
  if (rows.empty()) return std::nullopt;
  const auto& first = rows.front();
  BookingContext context;
  context.service = service_from_row(first.slice(0, service_column_count));
  std::size_t at = service_column_count;
  if (!first.is_null(at))
    context.availability = availability_from_row(first.slice(at, availability_column_count));
  at += availability_column_count;
  if (!first.is_null(at)) context.specialist = user_from_row(first.slice(at, user_column_count));
  at += user_column_count;
  if (!first.is_null(at)) context.customer = user_from_row(first.slice(at, user_column_count));
  at += user_column_count;
  context.schedule_version = first.optional_integer(at + block_column_count).value_or(0);
  for (const auto& row : rows)
    if (!row.is_null(at))
      context.blocks.push_back(blocked_slot_from_row(row.slice(at, block_column_count)));
  return context;
}

std::int64_t schedule_version(Session& session, const std::string& specialist_id) {
  auto row = session.query_one("SELECT version FROM schedule_versions WHERE specialist_id = $1",
                               {specialist_id});
  return row ? row->integer(0) : 0;
}

}  // namespace confer::store
