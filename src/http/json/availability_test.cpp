#include "http/json/availability.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace confer::http::json {
namespace {

app::AvailabilityView view() {
  app::AvailabilityView view;
  view.record = {"av1", "s1", "Europe/Berlin", "{}", 1'800'000'000'000, 1'800'000'060'000};
  view.rules.timezone = "Europe/Berlin";
  view.rules.working_hours[0] = {{9 * 60, 17 * 60}};
  return view;
}

TEST(AvailabilityJson, TheOwnerSeesTheRulesWithIdOwnerAndTimes) {
  auto json = availability(view());
  auto expected = domain::availability_to_json(view().rules);
  expected["id"] = "av1";
  expected["specialistId"] = "s1";
  expected["createdAt"] = "2027-01-15T08:00:00Z";
  expected["updatedAt"] = "2027-01-15T08:01:00Z";
  EXPECT_EQ(boost::json::serialize(json), boost::json::serialize(expected));
  EXPECT_EQ(json.at("workingHours").at("monday").at("start"), "09:00");
}

TEST(AvailabilityJson, ThePublicSeesTheRulesWithIdAndOwnerOnly) {
  auto expected = domain::availability_to_json(view().rules);
  expected["id"] = "av1";
  expected["specialistId"] = "s1";
  EXPECT_EQ(boost::json::serialize(public_availability(view())), boost::json::serialize(expected));
}

}  // namespace
}  // namespace confer::http::json
