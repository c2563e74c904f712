#include "http/json/notification.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace confer::http::json {
namespace {

TEST(NotificationJson, AnUnreadNotificationAboutABooking) {
  app::NotificationRecord n;
  n.id = "n1";
  n.user_id = "c1";
  n.kind = "booking.confirmed";
  n.title = "Booked";
  n.body = "Your session is confirmed.";
  n.booking_id = "b1";
  n.created_at = 1'800'000'000'000;
  n.booking_start = 1'800'003'600'000;
  EXPECT_EQ(boost::json::serialize(notification(n)),
            R"({"id":"n1","kind":"booking.confirmed","title":"Booked",)"
            R"("body":"Your session is confirmed.","createdAt":"2027-01-15T08:00:00Z",)"
            R"("bookingId":"b1","bookingStart":"2027-01-15T09:00:00Z","readAt":null})");
}

TEST(NotificationJson, AReadNotificationWithoutABooking) {
  app::NotificationRecord n;
  n.id = "n2";
  n.kind = "account.updated";
  n.read_at = 1'800'000'060'000;
  auto json = notification(n);
  EXPECT_EQ(json.at("bookingId"), boost::json::value(nullptr));
  EXPECT_EQ(json.at("bookingStart"), boost::json::value(nullptr));
  EXPECT_EQ(json.at("readAt"), "2027-01-15T08:01:00Z");
}

TEST(CalendarFeedJson, ActiveSinceOrNever) {
  EXPECT_EQ(boost::json::serialize(calendar_feed({true, 1'800'000'000'000})),
            R"({"active":true,"createdAt":"2027-01-15T08:00:00Z"})");
  EXPECT_EQ(boost::json::serialize(calendar_feed({false, std::nullopt})),
            R"({"active":false,"createdAt":null})");
}

}  // namespace
}  // namespace confer::http::json
