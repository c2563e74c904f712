#pragma once
// The receipt number of a booking: one number on the receipt email, the web
// receipt and its printable page, made from the booking's id alone so every
// place computes the same one.
#include <string>
#include <string_view>

namespace confer::domain {

// "CONF-" and the id's last 16 hex digits, upper case, in groups of four
// ("CONF-9C1B-7E4D-5A60-1F2E"). The ids are UUIDs whose last 64 bits are
// random (v4 and v7 alike): the leading digits of a v7 id are its time, which
// bookings made in the same minute share.
std::string receipt_number(std::string_view booking_id);

}  // namespace confer::domain
