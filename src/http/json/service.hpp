#pragma once
// Services in responses, with the cancellation policy they are sold under.
// A booking carries the policy it was sold under in the same shape.
#include <boost/json/object.hpp>
#include <string>

#include "app/ports/records.hpp"

namespace confer::http::json {

// {"deadlineHours", "refund": "full"|"percentage"|"none", "refundPercentage"}
boost::json::object cancellation_policy(int deadline_hours, const std::string& refund,
                                        int refund_percentage);
// `price` in minor units of `currency`; `duration` in minutes.
boost::json::object service(const app::ServiceRecord& service);

}  // namespace confer::http::json
