#include "http/json/notification.hpp"

#include "http/json/instant.hpp"
#include "http/json/nullable.hpp"

namespace confer::http::json {

boost::json::object notification(const app::NotificationRecord& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"title", n.title},
          {"body", n.body},
          {"createdAt", iso_utc(n.created_at)},
          {"bookingId", or_null(n.booking_id)},
          {"bookingStart", iso_utc_or_null(n.booking_start)},
          {"readAt", iso_utc_or_null(n.read_at)}};
}

boost::json::object calendar_feed(const app::FeedStatus& status) {
  return {{"active", status.active}, {"createdAt", iso_utc_or_null(status.created_at)}};
}

}  // namespace confer::http::json
