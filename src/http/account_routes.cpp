#include <boost/json.hpp>
#include <charconv>

#include "app/errors.hpp"
#include "http/account_requests.hpp"
#include "http/json/profile.hpp"
#include "http/json/user.hpp"
#include "http/json_body.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"

namespace confer::http {

void register_account_routes(Router& router, app::AccountService& accounts) {
  router.add("GET", "/api/users/me", Access::signed_in(), [&accounts](Request& request) {
    return Response::json(200, json::user(accounts.get(request.caller().user_id)));
  });

  router.add("PATCH", "/api/users/me", Access::signed_in(), [&accounts](Request& request) {
    auto changes = read_account_changes(json_object_body(request));
    return Response::json(200, json::user(accounts.update(request.caller().user_id, changes)));
  });

  router.add("GET", "/api/specialists/me", Access::roles({"specialist"}),
             [&accounts](Request& request) {
               return Response::json(
                   200, json::own_profile(accounts.get_profile(request.caller().user_id)));
             });

  router.add(
      "PATCH", "/api/specialists/me", Access::roles({"specialist"}), [&accounts](Request& request) {
        auto changes = read_profile_changes(json_object_body(request));
        return Response::json(
            200, json::own_profile(accounts.update_profile(request.caller().user_id, changes)));
      });

  router.add("GET", "/api/admin/users", Access::roles({"admin"}), [&accounts](Request& request) {
    const int page = query_int(request, "page", 1, 1, 100000);
    const int page_size = query_int(request, "pageSize", 20, 1, 100);
    auto role = request.query("role").value_or("");
    if (!role.empty() && role != "customer" && role != "specialist" && role != "admin")
      throw app::Error::invalid_field("role", "must be customer, specialist or admin");
    auto result = accounts.list_users(role, request.query("q").value_or(""), page, page_size);
    boost::json::array items;
    for (const auto& user : result.items) items.push_back(json::user(user));
    return Response::json(200, {{"items", std::move(items)},
                                {"page", page},
                                {"pageSize", page_size},
                                {"total", result.total}});
  });
}

}  // namespace confer::http
