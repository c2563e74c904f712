#pragma once
// Instants in API responses: always UTC, ISO 8601 with a "Z", to the second
// (invariant 1). Records keep Unix milliseconds; the domain keeps Instants.
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/local_time.hpp"

namespace confer::http::json {

// Unix milliseconds → "2026-11-24T03:30:00Z" (whole seconds, rounded down).
std::string iso_utc(std::int64_t unix_ms);
std::string iso_utc(domain::Instant instant);
// The instant as above, or null when there is none.
boost::json::value iso_utc_or_null(const std::optional<std::int64_t>& unix_ms);

}  // namespace confer::http::json
