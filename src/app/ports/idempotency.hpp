#pragma once
// Where Idempotency-Keys are kept (http/idempotency.hpp applies them; the
// store implements this over the idempotency_keys table,
// store/idempotency_adapter.hpp). A key belongs to one caller.
#include <cstdint>
#include <optional>
#include <string>

namespace confer::app::ports {

// A key as recorded: the fingerprint of the request that first used it and,
// once that request was answered, the answer.
struct IdempotencyEntry {
  std::string request_hash;
  bool in_flight = true;
  unsigned response_status = 0;  // when not in flight
  std::string response_body;     // when not in flight
};

class IdempotencyStore {
 public:
  virtual ~IdempotencyStore() = default;
  // In one write: forgets the keys expired by `now`, then returns the
  // caller's entry for `key`; when there is none, records the key in flight
  // for `request_hash` until `expires_at` and returns nullopt.
  virtual std::optional<IdempotencyEntry> claim(const std::string& user_id, const std::string& key,
                                                const std::string& request_hash, std::int64_t now,
                                                std::int64_t expires_at) = 0;
  // Keeps the answer, replayed for the key from now on.
  virtual void complete(const std::string& user_id, const std::string& key, unsigned status,
                        const std::string& body) = 0;
  // Forgets the key, so that a retry runs again.
  virtual void release(const std::string& user_id, const std::string& key) = 0;
};

}  // namespace confer::app::ports
