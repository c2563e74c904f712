#include "domain/slot_engine.hpp"

#include <algorithm>

#include "domain/recurrence.hpp"

namespace confer::domain {
namespace {

using std::chrono::minutes;

// Removes `cut` from sorted, disjoint `ranges`.
void subtract(std::vector<TimeRange>& ranges, TimeRange cut) {
  std::vector<TimeRange> out;
  out.reserve(ranges.size() + 1);
  for (auto r : ranges) {
    if (cut.end <= r.start || cut.start >= r.end) {
      out.push_back(r);
      continue;
    }
    if (cut.start > r.start) out.push_back({r.start, cut.start});
    if (cut.end < r.end) out.push_back({cut.end, r.end});
  }
  ranges = std::move(out);
}

// Sorts `ranges` and joins those that overlap or touch (09:00–12:00 and
// 12:00–15:00 are one interval 09:00–15:00), in place.
void join(std::vector<TimeRange>& ranges) {
  std::sort(ranges.begin(), ranges.end(), [](auto a, auto b) { return a.start < b.start; });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (kept > 0 && ranges[i].start <= ranges[kept - 1].end)
      ranges[kept - 1].end = std::max(ranges[kept - 1].end, ranges[i].end);
    else
      ranges[kept++] = ranges[i];
  }
  ranges.resize(kept);
}

// The part of an occurrence that falls on `day`, in local minutes.
std::optional<TimeRange> clip_to_day(const Occurrence& o, LocalDay day) {
  auto day_start = date::local_seconds{day.time_since_epoch()};
  auto day_end = day_start + date::days{1};
  auto start = std::max(o.start, day_start);
  auto end = std::min(o.end, day_end);
  if (end <= start) return std::nullopt;
  return TimeRange{static_cast<int>((start - day_start).count() / 60),
                   static_cast<int>((end - day_start + std::chrono::seconds{59}).count() / 60)};
}

// Moves through sorted intervals as slots advance, answering "does anything
// overlap [start, end), widened by `pad` on each side?".
class OverlapCursor {
 public:
  OverlapCursor(std::span<const Interval> intervals, std::chrono::seconds pad)
      : intervals_(intervals), pad_(pad) {}
  bool overlaps(Instant start, Instant end) {
    while (next_ < intervals_.size() && intervals_[next_].end + pad_ <= start) ++next_;
    for (std::size_t i = next_; i < intervals_.size() && intervals_[i].start - pad_ < end; ++i)
      if (intervals_[i].end + pad_ > start) return true;
    return false;
  }

 private:
  std::span<const Interval> intervals_;
  std::chrono::seconds pad_;
  std::size_t next_ = 0;
};

}  // namespace

std::string_view to_string(SlotStatus status) {
  switch (status) {
    case SlotStatus::available:
      return "available";
    case SlotStatus::booked:
      return "booked";
    case SlotStatus::blocked:
      return "blocked";
  }
  return "available";
}

std::vector<Occurrence> recurring_occurrences(const AvailabilityRules& rules, LocalDay first_day,
                                              LocalDay last_day) {
  std::vector<Occurrence> occurrences;
  // An occurrence that starts the evening before can reach into the first day.
  auto from = date::local_seconds{(first_day - date::days{1}).time_since_epoch()};
  auto to = date::local_seconds{(last_day + date::days{1}).time_since_epoch()};
  for (const auto& rule : rules.recurring)
    for (auto start : expand_rrule(rule.rrule, rule.start, from, to))
      occurrences.push_back({start, start + minutes{rule.duration_minutes}, rule.kind});
  return occurrences;
}

std::vector<TimeRange> open_hours(const AvailabilityRules& rules, LocalDay day,
                                  std::span<const Occurrence> occurrences) {
  std::vector<TimeRange> open;
  auto override_day =
      std::lower_bound(rules.overrides.begin(), rules.overrides.end(), day,
                       [](const DateOverride& o, LocalDay d) { return o.date < d; });
  if (override_day != rules.overrides.end() && override_day->date == day) {
    open = override_day->intervals;
  } else if (!std::binary_search(rules.unavailable_dates.begin(), rules.unavailable_dates.end(),
                                 day)) {
    const int weekday = weekday_index(day);
    open = rules.working_hours[weekday];
    for (auto cut : rules.breaks[weekday]) subtract(open, cut);
  }
  // One rule for every day, with or without extras: intervals that touch
  // are one working interval, so slots step on across the seam.
  for (const auto& o : occurrences)
    if (o.kind == RecurringRule::Kind::extra)
      if (auto part = clip_to_day(o, day)) open.push_back(*part);
  join(open);
  for (const auto& o : occurrences)
    if (o.kind == RecurringRule::Kind::block)
      if (auto part = clip_to_day(o, day)) subtract(open, *part);
  return open;
}

std::vector<Slot> compute_slots(const AvailabilityRules& rules, const date::time_zone* zone,
                                const SlotQuery& query, std::span<const Interval> bookings,
                                std::span<const Interval> blocks) {
  std::vector<Slot> slots;
  if (!zone || query.duration_minutes <= 0 || query.first_day > query.last_day) return slots;
  WallClock clock(zone);
  const auto earliest = query.now + std::chrono::hours{rules.min_booking_notice_hours};
  const auto latest = query.now + date::days{rules.max_advance_booking_days};

  // Walk only the days that can hold an offerable slot.
  const auto earliest_day = date::floor<date::days>(clock.to_local(earliest)) - date::days{1};
  const auto latest_day = date::floor<date::days>(clock.to_local(latest)) + date::days{1};
  const LocalDay first = std::max(query.first_day, LocalDay{earliest_day.time_since_epoch()});
  const LocalDay last = std::min(query.last_day, LocalDay{latest_day.time_since_epoch()});
  if (first > last) return slots;

  std::vector<Occurrence> occurrences;
  if (!rules.recurring.empty()) occurrences = recurring_occurrences(rules, first, last);
  const auto duration = minutes{query.duration_minutes};
  OverlapCursor booked(bookings, minutes{rules.buffer_minutes});
  OverlapCursor blocked(blocks, std::chrono::seconds{0});
  slots.reserve(static_cast<std::size_t>((last - first).count() + 1) * 16);

  std::optional<Instant> previous_end;
  for (LocalDay day = first; day <= last; day += date::days{1}) {
    std::vector<TimeRange> open;
    if (occurrences.empty()) {
      // The common case without recurring rules, kept allocation-light.
      open = open_hours(rules, day, {});
    } else {
      open = open_hours(rules, day, occurrences);
    }
    for (auto range : open) {
      for (int minute = range.start; minute + query.duration_minutes <= range.end;
           minute += query.duration_minutes) {
        auto start = clock.to_utc(day, minute);
        if (!start) continue;  // does not exist on this day's wall clock
        const Instant end = *start + duration;
        if (previous_end && *start < *previous_end) continue;  // DST would make them overlap
        if (*start < earliest || *start >= latest) continue;
        previous_end = end;
        SlotStatus status = SlotStatus::available;
        if (blocked.overlaps(*start, end))
          status = SlotStatus::blocked;
        else if (booked.overlaps(*start, end))
          status = SlotStatus::booked;
        if (status == SlotStatus::available || query.include_unavailable)
          slots.push_back({*start, end, status});
      }
    }
  }
  return slots;
}

}  // namespace confer::domain
