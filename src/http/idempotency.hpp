#pragma once
// Idempotency-Key on POSTs that create bookings or move money (invariant 6):
// the first request with a key runs and its response is stored; the same key
// with the same request replays that response; with a different request it
// is refused (422); while the first is still running, a repeat gets 409.
// Keys belong to the caller and live 24 hours. 5xx answers are not stored,
// so a retry after a failure runs again.
#include <functional>
#include <memory>

#include "app/clock.hpp"
#include "app/ports/idempotency.hpp"
#include "http/message.hpp"

namespace confer::http {

class IdempotencyKeys {
 public:
  // Keeps the keys in `keys` (store/idempotency_adapter.hpp implements it).
  IdempotencyKeys(std::unique_ptr<app::ports::IdempotencyStore> keys, const app::Clock& clock)
      : keys_(std::move(keys)), clock_(clock) {}

  // Runs `handle` once per (caller, key); without the header it just runs it.
  Response run(const Request& request, const std::function<Response()>& handle);

 private:
  std::unique_ptr<app::ports::IdempotencyStore> keys_;
  const app::Clock& clock_;
};

}  // namespace confer::http
