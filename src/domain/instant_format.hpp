#pragma once
// ISO 8601 text for instants, written digit by digit: formatting every slot
// with date::format would cost many times the slot computation itself.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "domain/local_time.hpp"

namespace confer::domain {

// "2026-03-08T07:00:00Z"
std::string format_utc(Instant instant);
void append_utc(std::string& out, Instant instant);
// The same instant on a clock `offset` ahead of UTC: "2026-03-08T03:00:00-04:00".
std::string format_with_offset(Instant instant, std::chrono::seconds offset);
void append_with_offset(std::string& out, Instant instant, std::chrono::seconds offset);
// Reads "2026-03-08T07:00:00Z", "…T07:00Z", "…T07:00:00.000Z" or with an
// explicit offset "+05:30"; nullopt for anything else.
std::optional<Instant> parse_instant(std::string_view text);

}  // namespace confer::domain
