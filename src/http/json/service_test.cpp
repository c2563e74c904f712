#include "http/json/service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace confer::http::json {
namespace {

TEST(ServiceJson, EveryFieldWithItsCancellationPolicy) {
  app::ServiceRecord s;
  s.id = "svc1";
  s.specialist_id = "s1";
  s.title = "Code review";
  s.description = "An hour on your code.";
  s.duration_minutes = 60;
  s.price = 12000;
  s.currency = "USD";
  s.tags_json = R"(["c++"])";
  s.cancellation_deadline_hours = 48;
  s.refund_policy = "percentage";
  s.refund_percentage = 50;
  s.published = true;
  s.created_at = 1'800'000'000'000;
  s.updated_at = 1'800'000'060'000;
  EXPECT_EQ(boost::json::serialize(service(s)),
            R"({"id":"svc1","specialistId":"s1","title":"Code review",)"
            R"("description":"An hour on your code.","duration":60,"price":12000,)"
            R"("currency":"USD","tags":["c++"],)"
            R"("cancellationPolicy":{"deadlineHours":48,"refund":"percentage",)"
            R"("refundPercentage":50},"published":true,)"
            R"("createdAt":"2027-01-15T08:00:00Z","updatedAt":"2027-01-15T08:01:00Z"})");
}

TEST(ServiceJson, ACancellationPolicyAlone) {
  EXPECT_EQ(boost::json::serialize(cancellation_policy(24, "full", 100)),
            R"({"deadlineHours":24,"refund":"full","refundPercentage":100})");
}

}  // namespace
}  // namespace confer::http::json
