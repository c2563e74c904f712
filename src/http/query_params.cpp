#include "http/query_params.hpp"

#include <charconv>

#include "app/errors.hpp"
#include "domain/instant_format.hpp"

namespace confer::http {

std::optional<std::int64_t> query_int64(const Request& request, std::string_view key,
                                        std::int64_t min, std::int64_t max) {
  auto text = request.query(key);
  if (!text || text->empty()) return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc{} || end != text->data() + text->size() || value < min || value > max)
    throw app::Error::invalid_field(
        std::string(key),
        "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  return value;
}

int query_int(const Request& request, std::string_view key, int fallback, int min, int max) {
  return static_cast<int>(query_int64(request, key, min, max).value_or(fallback));
}

std::optional<domain::LocalDay> query_date(const Request& request, std::string_view key) {
  auto text = request.query(key);
  if (!text || text->empty()) return std::nullopt;
  auto day = domain::parse_local_date(*text);
  if (!day) throw app::Error::invalid_field(std::string(key), "must be a date as YYYY-MM-DD");
  return day;
}

std::optional<domain::Instant> query_instant(const Request& request, std::string_view key) {
  auto text = request.query(key);
  if (!text || text->empty()) return std::nullopt;
  auto instant = domain::parse_instant(*text);
  if (!instant)
    throw app::Error::invalid_field(std::string(key),
                                    "must be an instant such as 2027-06-02T07:00:00Z");
  return instant;
}

std::optional<std::string> query_zone(const Request& request, std::string_view key) {
  auto text = request.query(key);
  if (!text || text->empty()) return std::nullopt;
  if (!domain::find_zone(*text))
    throw app::Error::invalid_field(std::string(key),
                                    "must be an IANA time zone such as Europe/Berlin");
  return text;
}

}  // namespace confer::http
