#pragma once
// Idempotency-Key on POSTs that create bookings or move money (invariant 6):
// the first request with a key runs and its response is stored; the same key
// with the same request replays that response; with a different request it
// is refused (422); while the first is still running, a repeat gets 409.
// Keys belong to the caller and live 24 hours. 5xx answers are not stored,
// so a retry after a failure runs again.
#include <functional>

#include "app/clock.hpp"
#include "http/message.hpp"
#include "store/database.hpp"

namespace confer::http {

class IdempotencyKeys {
 public:
  IdempotencyKeys(store::Database& database, const app::Clock& clock)
      : database_(database), clock_(clock) {}

  // Runs `handle` once per (caller, key); without the header it just runs it.
  Response run(const Request& request, const std::function<Response()>& handle);

 private:
  store::Database& database_;
  const app::Clock& clock_;
};

}  // namespace confer::http
