#pragma once
// A booking's receipt as a printable page.
#include <string>

#include "app/bookings/booking_types.hpp"

namespace confer::http {

std::string receipt_html(const app::BookingView& view);

}  // namespace confer::http
