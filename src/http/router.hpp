#pragma once
// Routes: method + path pattern ("/api/bookings/:bookingId") + who may call
// it + handler. Access is declared on every route — there is no default that
// lets a caller through — and checked by the pipeline in one place.
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/message.hpp"

namespace confer::http {

using Handler = std::function<Response(Request&)>;

class Access {
 public:
  static Access anyone() { return Access(false, {}); }
  static Access signed_in() { return Access(true, {}); }
  static Access roles(std::initializer_list<const char*> roles) {
    return Access(true, {roles.begin(), roles.end()});
  }
  bool requires_sign_in() const { return requires_sign_in_; }
  bool allows(const std::string& role) const;

 private:
  Access(bool requires_sign_in, std::vector<std::string> roles)
      : requires_sign_in_(requires_sign_in), roles_(std::move(roles)) {}
  bool requires_sign_in_;
  std::vector<std::string> roles_;  // empty: any signed-in role
};

struct Route {
  std::string method;
  std::string pattern;
  Access access;
  Handler handler;
  std::vector<std::string> segments;  // pattern split at '/'
  int literal_segments = 0;           // more literal segments win over parameters
};

struct RouteMatch {
  const Route* route = nullptr;
  std::unordered_map<std::string, std::string> params;
  std::vector<std::string> allowed_methods;  // when the path matched but not the method
};

class Router {
 public:
  void add(std::string method, std::string pattern, Access access, Handler handler);
  RouteMatch match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }
  // "GET /api/bookings/{bookingId}" — OpenAPI's spelling of each route.
  std::vector<std::string> describe() const;

 private:
  std::vector<Route> routes_;
};

}  // namespace confer::http
