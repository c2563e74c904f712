#pragma once
// Reading query parameters with the same 422 errors as bodies.
#include <optional>
#include <string>

#include "domain/local_time.hpp"
#include "http/message.hpp"

namespace confer::http {

int query_int(const Request& request, std::string_view key, int fallback, int min, int max);
std::optional<std::int64_t> query_int64(const Request& request, std::string_view key,
                                        std::int64_t min, std::int64_t max);
std::optional<domain::LocalDay> query_date(const Request& request, std::string_view key);
// An ISO 8601 instant ("2027-06-02T07:00:00Z"), checked; nullopt when absent.
std::optional<domain::Instant> query_instant(const Request& request, std::string_view key);
// An IANA zone name from the query, checked; nullopt when absent.
std::optional<std::string> query_zone(const Request& request, std::string_view key);

}  // namespace confer::http
