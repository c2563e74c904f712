#pragma once
// Time comes from a Clock, never from the system directly, so every use case
// can be tested at any instant (a DST change, a hold about to expire).
#include <chrono>
#include <cstdint>

namespace confer::app {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now_ms() const = 0;  // Unix milliseconds, UTC
  std::int64_t now_seconds() const { return now_ms() / 1000; }
};

class SystemClock final : public Clock {
 public:
  std::int64_t now_ms() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// A clock that stays where it is put; for tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::int64_t now_ms) : now_ms_(now_ms) {}
  std::int64_t now_ms() const override { return now_ms_; }
  void set(std::int64_t now_ms) { now_ms_ = now_ms; }
  void advance_ms(std::int64_t delta) { now_ms_ += delta; }

 private:
  std::int64_t now_ms_;
};

}  // namespace confer::app
