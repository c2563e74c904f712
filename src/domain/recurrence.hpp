#pragma once
// RFC 5545 recurrence rules, expanded on the wall clock: each occurrence is a
// local date-time, later placed in the specialist's zone, so "every Saturday
// 10:00" stays 10:00 across DST changes.
//
// libical reads the rule (recurrence_rule.hpp); the expansion is ours, by
// RFC 5545's definition: each period of FREQ (every INTERVAL-th from the one
// holding DTSTART) has a set of date-times, the days its BY parts select at
// the times its BYHOUR/BYMINUTE give; BYSETPOS picks from that set; COUNT
// and UNTIL end the whole. libical 3.0's own expansion gets several forms
// wrong (BYSETPOS in WEEKLY rules, negative BYMONTHDAY in DAILY ones, YEARLY
// BYMONTHDAY without BYMONTH, HOURLY with BYHOUR, WEEKLY INTERVAL phases).
// python3-dateutil is the oracle (recurrence_oracle_test.cpp); where RFC
// 5545 leaves room we do as it does: the first WEEKLY period starts on
// DTSTART's day, a first month or year is whole.
//
// Accepted: FREQ=HOURLY … YEARLY with INTERVAL, COUNT or UNTIL, BYMONTH,
// BYYEARDAY, BYMONTHDAY, BYDAY (numbered only in MONTHLY and YEARLY rules),
// BYHOUR, BYMINUTE, BYSETPOS and WKST, in the combinations RFC 5545 allows.
// UNTIL is read on the wall clock, with or without a trailing Z; a date
// alone means its midnight.
#include <string>
#include <string_view>
#include <vector>

#include "domain/local_time.hpp"

namespace confer::domain {

// Why `rrule` cannot be used (a sentence for the API's field error), or ""
// when it can (e.g. "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1").
std::string rrule_error(std::string_view rrule);
inline bool is_valid_rrule(std::string_view rrule) {
  return rrule_error(rrule).empty();
}

// Occurrences of `rrule` starting at `start` that fall in [from, to), in
// order, at most `limit` of them; an unbounded rule stops at `to`.
std::vector<date::local_seconds> expand_rrule(std::string_view rrule, date::local_seconds start,
                                              date::local_seconds from, date::local_seconds to,
                                              std::size_t limit = 5000);

}  // namespace confer::domain
