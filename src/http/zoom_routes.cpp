#include "app/errors.hpp"
#include "app/zoom_webhooks.hpp"
#include "http/routes.hpp"

namespace confer::http {

void register_zoom_routes(Router& router, app::ZoomWebhooks& webhooks, app::ZoomAccounts* accounts,
                          const std::string& app_url) {
  // Zoom's events; the signature over the raw body is the only credential.
  router.add("POST", "/api/zoom/webhook", Access::anyone(), [&webhooks](Request& request) {
    auto result = webhooks.handle(request.body(), request.header("x-zm-signature"),
                                  request.header("x-zm-request-timestamp"));
    // Zoom's endpoint check expects exactly these two fields back.
    if (result.challenge)
      return Response::json(200, {{"plainToken", result.challenge->plain_token},
                                  {"encryptedToken", result.challenge->encrypted_token}});
    return Response::json(200, {{"received", true}, {"applied", result.applied}});
  });

  // "Connect Zoom Account": the specialist's own Zoom hosts their meetings.
  auto need = [accounts]() -> app::ZoomAccounts& {
    if (!accounts)
      throw app::Error(app::ErrorKind::unavailable, "Zoom is not set up on this server.");
    return *accounts;
  };
  const auto specialist = Access::roles({"specialist"});
  router.add("GET", "/api/zoom/connect", specialist, [need](Request& request) {
    return Response::json(200, {{"authorizeUrl", need().authorize_url(request.caller().user_id)}});
  });
  router.add("GET", "/api/zoom/status", specialist, [accounts](Request& request) {
    return Response::json(
        200, {{"available", accounts != nullptr},
              {"connected", accounts && accounts->connected(request.caller().user_id)}});
  });
  router.add("DELETE", "/api/zoom/connect", specialist, [need](Request& request) {
    need().disconnect(request.caller().user_id);
    return Response::no_content();
  });
  // Zoom sends the browser back here; the signed state says who started it.
  router.add("GET", "/api/zoom/callback", Access::anyone(), [need, app_url](Request& request) {
    need().connect(request.query("code").value_or(""), request.query("state").value_or(""));
    return Response{302, "", "", {}}.with_header("Location", app_url + "/dashboard?zoom=connected");
  });
}

}  // namespace confer::http
