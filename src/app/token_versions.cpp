#include "app/token_versions.hpp"

namespace confer::app {

TokenVersions::TokenVersions(const Clock& clock, std::int64_t ttl_ms, std::size_t max_entries)
    : clock_(clock), ttl_ms_(ttl_ms), max_entries_(max_entries) {}

std::optional<std::int64_t> TokenVersions::current(const std::string& user_id, const Loader& load) {
  std::uint64_t forgets_before = 0;
  {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(user_id);
    if (found != entries_.end() && clock_.now_ms() - found->second.read_at_ms < ttl_ms_)
      return found->second.version;
    forgets_before = forgets_;
  }
  // Read outside the lock: one slow database read must not hold up every request.
  const auto read_at = clock_.now_ms();
  auto version = load(user_id);
  if (!version || ttl_ms_ <= 0) return version;
  std::lock_guard lock(mutex_);
  if (forgets_ == forgets_before) {
    make_room(read_at);
    entries_[user_id] = Entry{*version, read_at};
  }
  return version;
}

void TokenVersions::forget(const std::string& user_id) {
  std::lock_guard lock(mutex_);
  entries_.erase(user_id);
  ++forgets_;
}

void TokenVersions::make_room(std::int64_t now_ms) {
  if (entries_.size() < max_entries_) return;
  std::erase_if(entries_,
                [&](const auto& entry) { return now_ms - entry.second.read_at_ms >= ttl_ms_; });
  // Every entry is fresh: many users within one TTL. Starting over costs one
  // read per user, which the TTL costs anyway.
  if (entries_.size() >= max_entries_) entries_.clear();
}

}  // namespace confer::app
