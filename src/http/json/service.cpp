#include "http/json/service.hpp"

#include <boost/json/parse.hpp>

#include "http/json/instant.hpp"

namespace confer::http::json {

boost::json::object cancellation_policy(int deadline_hours, const std::string& refund,
                                        int refund_percentage) {
  return {{"deadlineHours", deadline_hours},
          {"refund", refund},
          {"refundPercentage", refund_percentage}};
}

boost::json::object service(const app::ServiceRecord& s) {
  return {{"id", s.id},
          {"specialistId", s.specialist_id},
          {"title", s.title},
          {"description", s.description},
          {"duration", s.duration_minutes},
          {"price", s.price},
          {"currency", s.currency},
          {"tags", boost::json::parse(s.tags_json)},
          {"cancellationPolicy", cancellation_policy(s.cancellation_deadline_hours, s.refund_policy,
                                                     s.refund_percentage)},
          {"published", s.published},
          {"createdAt", iso_utc(s.created_at)},
          {"updatedAt", iso_utc(s.updated_at)}};
}

}  // namespace confer::http::json
