#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <memory>
#include <mutex>

#include "embedded_files.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"

namespace confer::http {
namespace {

// Whether the database answers, asked at most once a second: /api/health is
// polled often (load balancers, benchmarks) and must stay cheap. One request
// asks while the others read the last answer.
class DatabaseProbe {
 public:
  explicit DatabaseProbe(std::shared_ptr<app::ports::DatabaseHealth> database)
      : database_(std::move(database)) {}

  bool reachable() {
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now().time_since_epoch())
                         .count();
    if (now - checked_at_ms_.load(std::memory_order_relaxed) >= 1000 && asking_.try_lock()) {
      std::lock_guard unlock(asking_, std::adopt_lock);
      const bool up = database_->answers();
      up_.store(up, std::memory_order_relaxed);
      checked_at_ms_.store(now, std::memory_order_relaxed);
    }
    return up_.load(std::memory_order_relaxed);
  }

 private:
  std::shared_ptr<app::ports::DatabaseHealth> database_;
  std::mutex asking_;
  std::atomic<std::int64_t> checked_at_ms_{-1'000'000};
  std::atomic<bool> up_{false};
};

}  // namespace

void register_system_routes(Router& router, std::shared_ptr<app::ports::DatabaseHealth> database) {
  // Liveness stays 200 while the process runs; `ready` says whether the
  // database answers (false during a PostgreSQL restart, say).
  auto probe = std::make_shared<DatabaseProbe>(std::move(database));
  router.add("GET", "/api/health", Access::anyone(), [probe](Request&) {
    const bool up = probe->reachable();
    return Response::json(200, {{"status", "ok"}, {"ready", up}, {"database", up ? "up" : "down"}});
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
