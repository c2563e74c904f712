#pragma once
// RFC 5545 recurrence rules, expanded with libical on the wall clock: each
// occurrence is a local date-time, later placed in the specialist's zone, so
// "every Saturday 10:00" stays 10:00 across DST changes.
#include <string_view>
#include <vector>

#include "domain/local_time.hpp"

namespace confer::domain {

// Whether libical reads the rule (e.g. "FREQ=WEEKLY;BYDAY=SA;COUNT=10").
bool is_valid_rrule(std::string_view rrule);

// Occurrences of `rrule` starting at `start` that fall in [from, to), in
// order, at most `limit` of them; an unbounded rule stops at `to`.
std::vector<date::local_seconds> expand_rrule(std::string_view rrule, date::local_seconds start,
                                              date::local_seconds from, date::local_seconds to,
                                              std::size_t limit = 5000);

}  // namespace confer::domain
