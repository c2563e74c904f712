#pragma once
// Each user's access-token version, as the database holds it, remembered for
// a moment. Access tokens carry the version they were issued under; bumping
// it in the database (log-out, password reset, a replayed refresh token)
// revokes them. Checking it on every API request would cost a database round
// trip per request, so a version read is reused for `ttl_ms` (one second in
// `confer serve`): this process forgets a user's entry the moment it bumps the
// version itself, and a bump made by another process on the same database is
// seen at most `ttl_ms` later. Thread-safe.
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/clock.hpp"

namespace confer::app {

class TokenVersions {
 public:
  // Reads a user's current version; nullopt when the user does not exist.
  using Loader = std::function<std::optional<std::int64_t>(const std::string& user_id)>;

  TokenVersions(const Clock& clock, std::int64_t ttl_ms, std::size_t max_entries = 100'000);

  // The remembered version while it is fresh, else `load`'s answer (kept
  // unless the user's entry was forgotten while it was being read).
  std::optional<std::int64_t> current(const std::string& user_id, const Loader& load);
  // Call after the transaction that bumped the user's version has committed.
  void forget(const std::string& user_id);

 private:
  struct Entry {
    std::int64_t version = 0;
    std::int64_t read_at_ms = 0;
  };
  void make_room(std::int64_t now_ms);

  const Clock& clock_;
  const std::int64_t ttl_ms_;
  const std::size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  // Counts forget() calls: a version read before one of them may be older than
  // the bump that caused it, so it is used once but not remembered.
  std::uint64_t forgets_ = 0;
};

}  // namespace confer::app
