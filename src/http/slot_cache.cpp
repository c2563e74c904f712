#include "http/slot_cache.hpp"

#include "http/json/slot.hpp"
#include "http/query_params.hpp"

namespace confer::http {
namespace {

constexpr std::int64_t minute_ms = 60'000;

// The slot engine counts time in whole seconds. In a minute's first second a
// slot exactly `notice` away is still offered and a second later it is not,
// so requests in that second are computed afresh and never cached.
bool cacheable_instant(std::int64_t now_ms) {
  return now_ms % minute_ms >= 1000;
}

std::string cache_key(const Request& request, const std::string& specialist_id,
                      bool include_unavailable) {
  std::string key = specialist_id;
  key += include_unavailable ? "|all" : "|free";
  for (std::string_view name : {"serviceId", "from", "to", "tz", "after"}) {
    key += '|';
    key += request.query(name).value_or("");
  }
  return key;
}

}  // namespace

Response slots_response(const app::SlotComputation& computed, const Request& request) {
  const auto zone = query_zone(request, "tz").value_or(computed.timezone);
  return Response{200, "application/json", json::slot_list(computed, zone), {}};
}

Response SlotResponseCache::respond(const Request& request, const std::string& specialist_id,
                                    bool include_unavailable) {
  const app::SlotRange range{query_date(request, "from"), query_date(request, "to"),
                             query_instant(request, "after")};
  const auto key = cache_key(request, specialist_id, include_unavailable);
  const auto now_ms = clock_.now_ms();
  if (auto entry = find(key); entry && cacheable_instant(now_ms) &&
                              entry->minute == now_ms / minute_ms &&
                              availability_.still_current(specialist_id, entry->basis, now_ms))
    return Response{200, "application/json", {}, {}, entry->body, ContentCoding::identity};

  auto computed =
      availability_.slots(specialist_id, request.query("serviceId"), range, include_unavailable);
  auto response = slots_response(computed, request);
  // The body is shared between the cache and this answer, never copied.
  response.shared_body = std::make_shared<const SharedBody>(std::move(response.body));
  response.body.clear();
  if (computed.basis.complete && cacheable_instant(computed.basis.now_ms))
    store(key,
          std::make_shared<const Entry>(Entry{computed.basis.now_ms / minute_ms,
                                              std::move(computed.basis), response.shared_body}));
  return response;
}

std::shared_ptr<const SlotResponseCache::Entry> SlotResponseCache::find(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  return found == entries_.end() ? nullptr : found->second;
}

void SlotResponseCache::store(const std::string& key, std::shared_ptr<const Entry> entry) {
  const auto size = key.size() + entry->body->identity().size();
  std::lock_guard lock(mutex_);
  if (auto found = entries_.find(key); found != entries_.end()) {
    bytes_ -= key.size() + found->second->body->identity().size();
    entries_.erase(found);
  }
  // Bounded memory: when full, start over. Entries are cheap to rebuild and
  // most go stale within a minute anyway. (The compressed forms an entry
  // makes on demand add about a tenth of its size and are not counted.)
  if (bytes_ + size > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  if (size > max_bytes_) return;
  bytes_ += size;
  entries_.emplace(key, std::move(entry));
}

}  // namespace confer::http
