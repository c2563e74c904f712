#pragma once
// Bookings in responses, as a party sees them; the refund a cancellation
// gives; the receipt.
#include <boost/json/object.hpp>
#include <string>

#include "app/bookings/booking_types.hpp"

namespace confer::http::json {

// A booking as `viewer_id` sees it: the specialist's private notes and the
// host link only for the specialist; the join link only once confirmed.
boost::json::object booking(const app::BookingView& view, const std::string& viewer_id);
boost::json::object refund(const domain::RefundDecision& refund, const std::string& currency);
boost::json::object receipt(const app::BookingView& view);

}  // namespace confer::http::json
