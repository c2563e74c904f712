#pragma once
// Payments in responses (never the client secret: create-intent adds it for
// the paying customer alone), and earnings per month and currency.
#include <boost/json/object.hpp>
#include <vector>

#include "app/earnings.hpp"
#include "app/payment_service.hpp"  // store::PaymentRecord, until app has its own

namespace confer::http::json {

// The id twice (paymentId, the brief's name, and id); metadata as stored.
boost::json::object payment(const store::PaymentRecord& payment);

// {"months": [...], "totals": [one per currency], "payoutStatus": "pending"}.
boost::json::object earnings(const std::vector<app::EarningsRow>& rows);

}  // namespace confer::http::json
