#include <algorithm>
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

// Whether the database answers and how many jobs wait, asked once a second
// by a thread of its own: /api/health is answered on the connection threads
// (it must stay cheap and never wait, whatever the database does) and only
// reads the last answers.
class DatabaseProbe {
 public:
  explicit DatabaseProbe(std::shared_ptr<app::ports::DatabaseHealth> database)
      : database_(std::move(database)),
        up_(database_->answers()),
        asker_([this](const std::stop_token& stop) { keep_asking(stop); }) {}

  bool reachable() const { return up_.load(std::memory_order_relaxed); }
  // Jobs due and the oldest one's wait in seconds, as last seen; -1: unknown.
  std::int64_t jobs_due() const { return jobs_due_.load(std::memory_order_relaxed); }
  std::int64_t oldest_due_age_s() const { return oldest_age_s_.load(std::memory_order_relaxed); }

 private:
  void keep_asking(const std::stop_token& stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    for (;;) {
      if (stop.stop_requested()) return;
      const bool up = database_->answers();
      up_.store(up, std::memory_order_relaxed);
      const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
      // A database that did not answer is not asked again in this round.
      const auto backlog = up ? database_->job_backlog(now) : std::nullopt;
      jobs_due_.store(backlog ? backlog->due : -1, std::memory_order_relaxed);
      oldest_age_s_.store(backlog && backlog->oldest_due_at
                              ? std::max<std::int64_t>(0, now - *backlog->oldest_due_at) / 1000
                              : -1,
                          std::memory_order_relaxed);
      wake.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; });
    }
  }

  std::shared_ptr<app::ports::DatabaseHealth> database_;
  std::atomic<bool> up_;
  std::atomic<std::int64_t> jobs_due_{-1};
  std::atomic<std::int64_t> oldest_age_s_{-1};
  std::jthread asker_;  // last: stopped and joined before the rest goes
};

boost::json::value known_or_null(std::int64_t value) {
  return value < 0 ? boost::json::value(nullptr) : boost::json::value(value);
}

}  // namespace

void register_system_routes(Router& router, std::shared_ptr<app::ports::DatabaseHealth> database) {
  // Liveness stays 200 while the process runs; `ready` says whether the
  // database answers (false during a PostgreSQL restart, say); `jobs`, how
  // many jobs are due and how long the oldest has waited.
  auto probe = std::make_shared<DatabaseProbe>(std::move(database));
  router.add("GET", "/api/health", Access::anyone(), [probe](Request&) {
    const bool up = probe->reachable();
    boost::json::object jobs{{"due", known_or_null(probe->jobs_due())},
                             {"oldestDueAgeSeconds", known_or_null(probe->oldest_due_age_s())}};
    return Response::json(200, {{"status", "ok"},
                                {"ready", up},
                                {"database", up ? "up" : "down"},
                                {"jobs", std::move(jobs)}});
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
