#include "http/router.hpp"

#include <gtest/gtest.h>

namespace confer::http {
namespace {

Handler named(std::string name) {
  return [name](Request&) { return Response::text(200, "text/plain", name); };
}

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router router;
  router.add("GET", "/api/bookings/:bookingId", Access::signed_in(), named("get"));
  auto match = router.match("GET", "/api/bookings/b-42");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/bookings/:bookingId");
  EXPECT_EQ(match.params.at("bookingId"), "b-42");
}

TEST(Router, LiteralSegmentsWinOverParameters) {
  Router router;
  router.add("GET", "/api/specialists/:specialistId", Access::anyone(), named("by-id"));
  router.add("GET", "/api/specialists/me", Access::roles({"specialist"}), named("me"));
  auto match = router.match("GET", "/api/specialists/me");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/specialists/me");
  EXPECT_TRUE(match.params.empty());
}

TEST(Router, ReportsAllowedMethodsWhenOnlyTheMethodIsWrong) {
  Router router;
  router.add("GET", "/api/users/me", Access::signed_in(), named("get"));
  router.add("PATCH", "/api/users/me", Access::signed_in(), named("patch"));
  auto match = router.match("DELETE", "/api/users/me");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "PATCH"}));
  auto missing = router.match("GET", "/api/nothing");
  EXPECT_EQ(missing.route, nullptr);
  EXPECT_TRUE(missing.allowed_methods.empty());
}

TEST(Router, SegmentCountMustMatchAndTrailingSlashIsIgnored) {
  Router router;
  router.add("GET", "/api/health", Access::anyone(), named("health"));
  EXPECT_NE(router.match("GET", "/api/health/").route, nullptr);
  EXPECT_EQ(router.match("GET", "/api/health/extra").route, nullptr);
  EXPECT_EQ(router.match("GET", "/api").route, nullptr);
}

TEST(Router, RefusesTheSameRouteTwice) {
  Router router;
  router.add("GET", "/api/x/:a", Access::anyone(), named("one"));
  EXPECT_THROW(router.add("GET", "/api/x/:a", Access::anyone(), named("two")), std::logic_error);
}

TEST(Router, DescribesRoutesInOpenApiSpelling) {
  Router router;
  router.add("POST", "/api/bookings/:bookingId/refund", Access::signed_in(), named("refund"));
  EXPECT_EQ(router.describe(), std::vector<std::string>{"POST /api/bookings/{bookingId}/refund"});
}

TEST(Access, RolesAreDeniedUnlessListed) {
  auto specialists = Access::roles({"specialist"});
  EXPECT_TRUE(specialists.requires_sign_in());
  EXPECT_TRUE(specialists.allows("specialist"));
  EXPECT_FALSE(specialists.allows("customer"));
  EXPECT_FALSE(specialists.allows("admin"));
  EXPECT_TRUE(Access::signed_in().allows("customer"));
  EXPECT_FALSE(Access::anyone().requires_sign_in());
}

}  // namespace
}  // namespace confer::http
