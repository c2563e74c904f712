#pragma once
// In-app notifications and the state of the user's calendar feed in responses.
#include <boost/json/object.hpp>

#include "app/notification_service.hpp"
#include "app/ports/records.hpp"

namespace confer::http::json {

boost::json::object notification(const app::NotificationRecord& notification);
// {"active", "createdAt"}: never the feed's URL, which is shown once, when made.
boost::json::object calendar_feed(const app::FeedStatus& status);

}  // namespace confer::http::json
