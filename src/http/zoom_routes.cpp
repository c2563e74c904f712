#include "app/zoom_webhooks.hpp"
#include "http/routes.hpp"

namespace confer::http {

void register_zoom_routes(Router& router, app::ZoomWebhooks& webhooks) {
  // Zoom's events; the signature over the raw body is the only credential.
  router.add("POST", "/api/zoom/webhook", Access::anyone(), [&webhooks](Request& request) {
    auto result = webhooks.handle(request.body(), request.header("x-zm-signature"),
                                  request.header("x-zm-request-timestamp"));
    if (result.challenge_response)
      return Response::text(200, "application/json", *result.challenge_response);
    return Response::json(200, {{"received", true}, {"applied", result.applied}});
  });
}

}  // namespace confer::http
