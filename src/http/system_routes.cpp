#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>

#include "embedded_files.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"

namespace confer::http {
namespace {

// Whether the database answers, asked once a second by a thread of its own:
// /api/health is answered on the connection threads (it must stay cheap and
// never wait, whatever the database does) and only reads the last answer.
class DatabaseProbe {
 public:
  explicit DatabaseProbe(std::shared_ptr<app::ports::DatabaseHealth> database)
      : database_(std::move(database)),
        up_(database_->answers()),
        asker_([this](const std::stop_token& stop) { keep_asking(stop); }) {}

  bool reachable() const { return up_.load(std::memory_order_relaxed); }

 private:
  void keep_asking(const std::stop_token& stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    for (;;) {
      wake.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; });
      if (stop.stop_requested()) return;
      up_.store(database_->answers(), std::memory_order_relaxed);
    }
  }

  std::shared_ptr<app::ports::DatabaseHealth> database_;
  std::atomic<bool> up_;
  std::jthread asker_;  // last: stopped and joined before the rest goes
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
