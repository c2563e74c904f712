#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace confer::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

bool Access::allows(const std::string& role) const {
  return roles_.empty() || std::find(roles_.begin(), roles_.end(), role) != roles_.end();
}

void Router::add(std::string method, std::string pattern, Access access, Handler handler) {
  Route route{std::move(method), std::move(pattern), std::move(access), std::move(handler), {}, 0};
  for (auto part : split_path(route.pattern)) {
    route.segments.emplace_back(part);
    if (!part.starts_with(':')) ++route.literal_segments;
  }
  for (const auto& existing : routes_)
    if (existing.method == route.method && existing.segments == route.segments)
      throw std::logic_error("route registered twice: " + route.method + " " + route.pattern);
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  const auto parts = split_path(path);
  RouteMatch best;
  int best_literals = -1;
  for (const auto& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    bool matches = true;
    for (std::size_t i = 0; i < parts.size() && matches; ++i) {
      const auto& segment = route.segments[i];
      matches = segment.starts_with(':') || segment == parts[i];
    }
    if (!matches) continue;
    if (route.method != method) {
      if (std::find(best.allowed_methods.begin(), best.allowed_methods.end(), route.method) ==
          best.allowed_methods.end())
        best.allowed_methods.push_back(route.method);
      continue;
    }
    if (route.literal_segments <= best_literals) continue;
    best_literals = route.literal_segments;
    best.route = &route;
  }
  if (best.route) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto& segment = best.route->segments[i];
      if (segment.starts_with(':')) best.params.emplace(segment.substr(1), std::string(parts[i]));
    }
  }
  return best;
}

std::vector<std::string> Router::describe() const {
  std::vector<std::string> lines;
  for (const auto& route : routes_) {
    std::string path;
    for (const auto& segment : route.segments) {
      path += '/';
      path += segment.starts_with(':') ? "{" + segment.substr(1) + "}" : segment;
    }
    lines.push_back(route.method + " " + path);
  }
  return lines;
}

}  // namespace confer::http
