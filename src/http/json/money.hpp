#pragma once
// Money in responses: integer minor units and an ISO 4217 code, side by side
// (invariant 3); for people, the amount with its currency's decimals.
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

namespace confer::http::json {

// {"amount": 1250, "currency": "USD"}
boost::json::object money(std::int64_t amount, const std::string& currency);
// "12.50 USD"; a code Confer does not know keeps the minor units: "1250 XYZ".
std::string money_text(std::int64_t amount, const std::string& currency);

}  // namespace confer::http::json
