#pragma once
// `confer seed-scale`: fills the configured database with a marketplace of
// the given size, written through the same repositories the app writes with
// (accounts, profiles, rules, published services, paid bookings with their
// payments), in batched transactions. Every booking lies on a slot its
// specialist's rules offer, no two active bookings of a specialist or of a
// customer overlap, and the past year and the next 90 days are covered.
#include <cstdint>
#include <functional>
#include <string>

#include "store/database.hpp"

namespace confer::store {

struct ScaleSeedOptions {
  int specialists = 1000;
  int customers = 5000;
  std::int64_t bookings = 100'000;
  int busy = 10;              // specialists open every day 06–22 with busy_bookings each
  int busy_bookings = 5'200;  // bookings of each busy specialist
  std::string password_hash;  // every account's (the caller hashes DEMO_PASSWORD once)
  int batch = 2'000;          // bookings per transaction
  std::uint64_t seed = 2026;  // the same seed writes the same shapes
};

struct ScaleSeedResult {
  int specialists = 0;
  int customers = 0;
  int services = 0;
  std::int64_t bookings = 0;
  std::int64_t payments = 0;
};

// `now`: Unix ms; the past year and the next 90 days are around it. `progress`
// hears the bookings written so far.
ScaleSeedResult seed_scale(Database& database, const ScaleSeedOptions& options, std::int64_t now,
                           const std::function<void(std::int64_t)>& progress = {});

}  // namespace confer::store
