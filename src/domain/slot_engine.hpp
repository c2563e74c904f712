#pragma once
// The slot engine: availability rules + existing bookings + blocks + now →
// the slots a customer may book. Pure: no clock, no I/O.
//
// Semantics (DESIGN.md invariant 1):
// - Slots start every `duration` minutes from the start of each open interval
//   of a day, on the specialist's wall clock, and fit inside it.
// - A day's open intervals are its date override if it has one, else nothing
//   on an unavailable date, else the weekday's working hours minus breaks;
//   then recurring "extra" occurrences are added, intervals that touch or
//   overlap are joined into one (09:00–12:00 and 12:00–15:00 are one interval
//   09:00–15:00, on every day alike), and "block" occurrences are removed.
// - A start time that does not exist locally (spring forward) is skipped; one
//   that happens twice (fall back) is taken once, at its first occurrence; a
//   slot that would overlap the one before it in real time is skipped.
// - A slot overlapping a booking widened by bufferTime on both sides is
//   booked; one overlapping a block is blocked.
// - Slots before now + minBookingNotice or from now + maxAdvanceBooking days
//   on are not offered, and the days walked are capped by that horizon.
#include <span>
#include <vector>

#include "domain/availability.hpp"

namespace confer::domain {

struct Interval {
  Instant start;
  Instant end;
};

enum class SlotStatus { available, booked, blocked };

struct Slot {
  Instant start;
  Instant end;
  SlotStatus status = SlotStatus::available;
};

struct SlotQuery {
  LocalDay first_day;  // in the specialist's zone
  LocalDay last_day;   // inclusive
  int duration_minutes = 60;
  Instant now;
  bool include_unavailable = false;  // also return booked and blocked slots (calendar view)
};

// `bookings` and `blocks` sorted by start; bookings do not overlap each other.
std::vector<Slot> compute_slots(const AvailabilityRules& rules, const date::time_zone* zone,
                                const SlotQuery& query, std::span<const Interval> bookings,
                                std::span<const Interval> blocks);

// A day's open intervals in local minutes, before bookings and the horizon
// (for the availability editor's preview and for tests). `occurrences` are
// the recurring rules' expansions around that day (see recurring_occurrences).
struct Occurrence {
  date::local_seconds start;
  date::local_seconds end;
  RecurringRule::Kind kind;
};
std::vector<Occurrence> recurring_occurrences(const AvailabilityRules& rules, LocalDay first_day,
                                              LocalDay last_day);
std::vector<TimeRange> open_hours(const AvailabilityRules& rules, LocalDay day,
                                  std::span<const Occurrence> occurrences);

std::string_view to_string(SlotStatus status);

}  // namespace confer::domain
