#include <boost/json.hpp>

#include "embedded_files.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"

namespace confer::http {

void register_system_routes(Router& router) {
  router.add("GET", "/api/health", Access::anyone(), [](Request&) {
    return Response::json(200, {{"status", "ok"}});
  });
  // The reference page lives in a folder (see DOCS_DIR); its assets are
  // relative, so the page itself is addressed with a trailing slash.
  router.add("GET", "/api/docs", Access::anyone(), [](Request&) {
    return Response{
        302, "text/plain; charset=utf-8", "See /api/docs/", {{"Location", "/api/docs/"}}};
  });
  router.add("GET", "/api/openapi.yaml", Access::anyone(), [](Request&) {
    auto spec = embedded_file("openapi.yaml");
    return Response::text(200, "application/yaml; charset=utf-8", std::string(spec.value_or("")));
  });
}

}  // namespace confer::http
