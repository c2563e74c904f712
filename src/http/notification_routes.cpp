#include <boost/json.hpp>

#include "app/errors.hpp"
#include "http/json/notification.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"

namespace confer::http {
void register_notification_routes(Router& router, app::NotificationService& notifications) {
  const auto signed_in = Access::signed_in();

  router.add("GET", "/api/notifications", signed_in, [&notifications](Request& request) {
    const int page = query_int(request, "page", 1, 1, 100000);
    const int page_size = query_int(request, "pageSize", 20, 1, 100);
    const auto unread = request.query("unread");
    if (unread && *unread != "true" && *unread != "false")
      throw app::Error::invalid_field("unread", "must be true or false");
    auto result = notifications.list(request.caller().user_id, unread == "true", page, page_size);
    boost::json::array items;
    for (const auto& n : result.items) items.push_back(json::notification(n));
    return Response::json(200, {{"items", std::move(items)},
                                {"page", page},
                                {"pageSize", page_size},
                                {"total", result.total},
                                {"unread", result.unread}});
  });
  router.add("POST", "/api/notifications/:notificationId/read", signed_in,
             [&notifications](Request& request) {
               notifications.mark_read(request.caller().user_id, request.param("notificationId"));
               return Response::no_content();
             });
  router.add("POST", "/api/notifications/read-all", signed_in, [&notifications](Request& request) {
    return Response::json(200,
                          {{"updated", notifications.mark_all_read(request.caller().user_id)}});
  });

  router.add("GET", "/api/calendar/feed", signed_in, [&notifications](Request& request) {
    return Response::json(200,
                          json::calendar_feed(notifications.feed_status(request.caller().user_id)));
  });
  router.add("POST", "/api/calendar/feed", signed_in, [&notifications](Request& request) {
    return Response::json(201, {{"url", notifications.create_feed(request.caller().user_id)}});
  });
  router.add("DELETE", "/api/calendar/feed", signed_in, [&notifications](Request& request) {
    notifications.revoke_feed(request.caller().user_id);
    return Response::no_content();
  });
  // The subscription URL itself: the token is the only credential.
  router.add("GET", "/api/calendar/feeds/:token", Access::anyone(),
             [&notifications](Request& request) {
               return Response::text(200, "text/calendar; charset=utf-8",
                                     notifications.render_feed(request.param("token")))
                   .with_header("Cache-Control", "private, max-age=300");
             });
}

}  // namespace confer::http
