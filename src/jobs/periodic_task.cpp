#include "jobs/periodic_task.hpp"

#include <exception>

#include "log.hpp"

namespace confer::jobs {

PeriodicTask::PeriodicTask(std::string name, std::chrono::milliseconds period,
                           std::function<void()> task)
    : name_(std::move(name)),
      period_(period),
      task_(std::move(task)),
      thread_([this](const std::stop_token& stop) { run(stop); }) {}

void PeriodicTask::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  thread_.join();
}

void PeriodicTask::run(const std::stop_token& stop) {
  while (true) {
    {
      std::unique_lock lock(mutex_);
      // Sleeps the period out unless a stop request wakes it.
      wake_.wait_for(lock, stop, period_, [] { return false; });
      if (stop.stop_requested()) return;
    }
    try {
      task_();
    } catch (const std::exception& error) {
      log::warn(name_ + " failed", {{"error", error.what()}});
    }
  }
}

}  // namespace confer::jobs
