#pragma once
// The bookings table's columns, once: the name, how a domain::Booking gives
// its value, how a row gives it back, and whether an UPDATE writes it. The
// SELECT list, INSERT and UPDATE statements and the row reader all come from
// this one table, so a column cannot be added to one and missed in another.
#include <string>
#include <string_view>

#include "domain/booking.hpp"
#include "store/database.hpp"

namespace confer::store {

// All columns in table order, as a SELECT list ("id, specialist_id, …").
const std::string& booking_select_list();
std::size_t booking_column_count();
// "INSERT INTO bookings (…) VALUES ($1, …)" and its parameters.
const std::string& booking_insert_sql();
Params booking_insert_params(const domain::Booking& booking);
// "UPDATE bookings SET … WHERE id = $1" of every mutable column, and its parameters.
const std::string& booking_update_sql();
Params booking_update_params(const domain::Booking& booking);
// A booking from a row of booking_select_list() (starting at `first`).
domain::Booking booking_from_row(const Row& row, std::size_t first = 0);

}  // namespace confer::store
