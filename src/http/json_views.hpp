#pragma once
// Superseded by the resource mappings in http/json/; kept only while
// booking_routes.cpp still calls iso_utc unqualified. New code includes the
// header of its resource instead.
#include "http/json/instant.hpp"

namespace confer::http {

using json::iso_utc;

}  // namespace confer::http
