#pragma once
// Ready slot-list bodies, reused while nothing they depend on has changed.
//
// A slot list is a pure function of the specialist's rules, services, blocks
// and zone (together: the schedule version that database triggers bump), the
// bookings in the window, the query, and the current minute: slot boundaries
// sit on whole minutes, so the notice and horizon cut-offs cannot move between
// a minute's second second and its end. Each hit re-reads the version and the window's bookings —
// two indexed reads — so a change made by any process shows on the very next
// request; only the rule parsing, computation and JSON writing are skipped.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "app/availability_service.hpp"
#include "app/clock.hpp"
#include "http/message.hpp"

namespace confer::http {

// A slot list as the response to `request`: startLocal in its `tz` (checked;
// default the specialist's zone). See json::slot_list for the body.
Response slots_response(const app::SlotComputation& computed, const Request& request);

class SlotResponseCache {
 public:
  SlotResponseCache(app::AvailabilityService& availability, const app::Clock& clock,
                    std::size_t max_bytes = 64u << 20)
      : availability_(availability), clock_(clock), max_bytes_(max_bytes) {}

  // The slots response for `specialist_id` as the request's query asks
  // (serviceId, from, to, tz), from the cache when still current.
  Response respond(const Request& request, const std::string& specialist_id,
                   bool include_unavailable);

 private:
  struct Entry {
    std::int64_t minute = 0;
    app::SlotBasis basis;
    std::shared_ptr<const SharedBody> body;
  };

  std::shared_ptr<const Entry> find(const std::string& key);
  void store(const std::string& key, std::shared_ptr<const Entry> entry);

  app::AvailabilityService& availability_;
  const app::Clock& clock_;
  std::size_t max_bytes_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Entry>, std::less<>> entries_;
  std::size_t bytes_ = 0;
};

}  // namespace confer::http
