#include "http/json/instant.hpp"

#include "domain/instant_format.hpp"

namespace confer::http::json {

std::string iso_utc(std::int64_t unix_ms) {
  return domain::format_utc(domain::from_unix_ms(unix_ms));
}

std::string iso_utc(domain::Instant instant) {
  return domain::format_utc(instant);
}

boost::json::value iso_utc_or_null(const std::optional<std::int64_t>& unix_ms) {
  return unix_ms ? boost::json::value(iso_utc(*unix_ms)) : boost::json::value(nullptr);
}

}  // namespace confer::http::json
