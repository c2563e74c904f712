#pragma once
// A specialist's payout account (Connect onboarding) in responses.
#include <boost/json/object.hpp>
#include <optional>

#include "app/payment_service.hpp"  // store::PayoutAccountRecord, until app has its own

namespace confer::http::json {

// {"connected": false, "status": "none"} without an account; with one, its
// provider, id and flags, and status "pending" or "active" (app::payout_status).
boost::json::object payout_account(const std::optional<store::PayoutAccountRecord>& account);

}  // namespace confer::http::json
