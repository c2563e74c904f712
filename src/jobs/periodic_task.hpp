#pragma once
// A task run every `period` on a thread of its own until stopped (or
// destroyed): a sweep that does not wait for anyone to ask. A failure is
// logged and the next round runs as planned; stopping wakes it at once.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace confer::jobs {

class PeriodicTask {
 public:
  PeriodicTask(std::string name, std::chrono::milliseconds period, std::function<void()> task);
  ~PeriodicTask() { stop(); }
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  // Waits for a round in progress to finish; idempotent.
  void stop();

 private:
  void run(const std::stop_token& stop);

  std::string name_;
  std::chrono::milliseconds period_;
  std::function<void()> task_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: starts once the rest is ready
};

}  // namespace confer::jobs
