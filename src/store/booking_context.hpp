#pragma once
// Everything a new booking is checked against, read in one statement: the
// service, its specialist's rules and account, the customer's account and
// the specialist's blocked times around the slot. One round trip instead of
// five matters most on PostgreSQL, where each costs a network exchange.
#include <optional>
#include <string>
#include <vector>

#include "app/ports/booking_ports.hpp"
#include "store/availability_repo.hpp"
#include "store/service_repo.hpp"
#include "store/user_repo.hpp"

namespace confer::store {

using BookingContext = app::ports::BookingContext;

// nullopt when the service does not exist.
std::optional<BookingContext> load_booking_context(Session& session, const std::string& service_id,
                                                   const std::string& customer_id,
                                                   std::int64_t from, std::int64_t to);

// The specialist's current schedule version (0 before any change).
std::int64_t schedule_version(Session& session, const std::string& specialist_id);

}  // namespace confer::store
