#include <boost/json.hpp>

#include "domain/email_address.hpp"
#include "http/account_requests.hpp"
#include "http/json/user.hpp"
#include "http/json_body.hpp"
#include "http/routes.hpp"

namespace confer::http {

void register_auth_routes(Router& router, app::AuthService& auth) {
  router.add("POST", "/api/auth/signup", Access::anyone(), [&auth](Request& request) {
    auto input = read_signup(json_object_body(request));
    return Response::json(201, json::auth_result(auth.signup(input, request.client_ip())));
  });

  router.add("POST", "/api/auth/login", Access::anyone(), [&auth](Request& request) {
    auto credentials = read_login(json_object_body(request));
    auto result = auth.login(credentials.email, credentials.password, request.client_ip());
    return Response::json(200, json::auth_result(result));
  });

  router.add("POST", "/api/auth/refresh-token", Access::anyone(), [&auth](Request& request) {
    auto token = read_required_token(json_object_body(request), "refreshToken");
    return Response::json(200, json::tokens(auth.refresh(token)));
  });

  router.add("POST", "/api/auth/logout", Access::signed_in(), [&auth](Request& request) {
    auto body = json_object_body(request);
    std::optional<std::string> token;
    if (body.contains("refreshToken")) token = read_required_token(body, "refreshToken");
    auth.logout(request.caller().user_id, token);
    return Response::no_content();
  });

  router.add("POST", "/api/auth/forgot-password", Access::anyone(), [&auth](Request& request) {
    auto body = json_object_body(request);
    auto email = domain::normalize_email(read_required_token(body, "email"));
    auth.forgot_password(email, request.client_ip());
    return Response::json(202, {{"status", "accepted"}});
  });

  router.add("POST", "/api/auth/reset-password", Access::anyone(), [&auth](Request& request) {
    auto reset = read_password_reset(json_object_body(request));
    auth.reset_password(reset.token, reset.password, request.client_ip());
    return Response::no_content();
  });
}

}  // namespace confer::http
