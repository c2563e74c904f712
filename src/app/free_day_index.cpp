#include "app/free_day_index.hpp"

#include <algorithm>
#include <map>

namespace confer::app {
namespace {

using domain::from_unix_ms;
using domain::to_unix_ms;
using std::chrono::milliseconds;

// The engine offers a slot when now + notice <= start < now + horizon, with
// now in whole seconds: the first and last millisecond of "now" at which a
// slot starting at `start` is offered.
std::int64_t offered_from(std::int64_t start, std::int64_t horizon_ms) {
  return start - horizon_ms + 1000;
}
std::int64_t offered_until(std::int64_t start, std::int64_t notice_ms) {
  return start - notice_ms + 999;
}

// With a horizon hardly longer than the notice, both cut the same day and
// its first and last free slot no longer tell whether one lies between.
constexpr milliseconds finest_trusted_span = std::chrono::hours{26};

}  // namespace

FreeDaySummary compute_free_days(const SlotInputs& inputs, const std::vector<int>& durations,
                                 domain::LocalDay first, domain::LocalDay last,
                                 std::int64_t now_ms) {
  FreeDaySummary summary;
  const auto* zone = domain::find_zone(inputs.rules.timezone);
  if (!zone) return summary;
  domain::WallClock clock(zone);
  // Free slots whatever the time now: no notice, a horizon past the range.
  auto open = inputs.rules;
  open.min_booking_notice_hours = 0;
  open.max_advance_booking_days = 100'000;
  const domain::Instant long_before{(first - date::days{2}).time_since_epoch()};
  const milliseconds notice = std::chrono::hours{inputs.rules.min_booking_notice_hours};
  const milliseconds horizon = date::days{inputs.rules.max_advance_booking_days};
  std::optional<std::int64_t> enters_horizon;  // the first "now" a later slot is offered
  std::map<domain::LocalDay, ports::FreeDay> days;
  auto day_of = [&](domain::Instant at) {
    return domain::LocalDay{date::floor<date::days>(clock.to_local(at)).time_since_epoch()};
  };
  for (int duration : durations) {
    domain::SlotQuery query{first, last, duration, long_before, false};
    for (const auto& slot :
         domain::compute_slots(open, zone, query, inputs.bookings, inputs.blocks)) {
      auto& day = days[day_of(slot.start)];
      const auto start = to_unix_ms(slot.start);
      day.first_start = std::min(day.first_start.value_or(start), start);
      day.last_start = std::max(day.last_start.value_or(start), start);
      const auto from = offered_from(start, horizon.count());
      if (from <= now_ms && now_ms <= offered_until(start, notice.count()))
        summary.next_at = std::min(summary.next_at.value_or(start), start);
      else if (from > now_ms)
        enters_horizon = std::min(enters_horizon.value_or(from), from);
    }
  }
  if (summary.next_at)
    summary.next_valid_until = offered_until(*summary.next_at, notice.count());
  else if (enters_horizon)
    summary.next_valid_until = *enters_horizon - 1;
  for (auto& [local_day, day] : days) {
    day.bookable_from = offered_from(*day.first_start, horizon.count());
    day.bookable_until = offered_until(*day.last_start, notice.count());
  }
  // A hold counted as busy frees its time when it lapses: the days its
  // time (and buffer) can touch are trusted only until then.
  const auto buffer = std::chrono::minutes{inputs.rules.buffer_minutes};
  for (const auto& busy : inputs.busy) {
    if (busy.hold_expires_at == 0) continue;
    const auto from = day_of(from_unix_ms(busy.start_at) - buffer - date::days{1});
    const auto to = day_of(from_unix_ms(busy.end_at) + buffer);
    for (auto d = std::max(from, first); d <= std::min(to, last); d += date::days{1}) {
      auto& day = days[d];
      day.recheck_at =
          std::min(day.recheck_at.value_or(busy.hold_expires_at), busy.hold_expires_at);
    }
  }
  summary.days.reserve(days.size());
  for (auto& [local_day, day] : days) {
    day.day = domain::format_local_date(local_day);
    if (day.recheck_at && *day.recheck_at > now_ms)
      summary.next_valid_until =
          std::min(summary.next_valid_until.value_or(*day.recheck_at), *day.recheck_at - 1);
    if (horizon - notice < finest_trusted_span) day.recheck_at = 0;
    summary.days.push_back(std::move(day));
  }
  return summary;
}

ports::FreeDayRefresh FreeDayIndex::compute(ports::CatalogTransaction& transaction,
                                            const ports::FreeDayWork& work, std::int64_t now_ms) {
  ports::FreeDayRefresh refresh;
  refresh.specialist_id = work.specialist_id;
  refresh.seen_generation = work.generation;
  refresh.marks = work.marks;
  refresh.stale_at = now_ms + std::chrono::duration_cast<milliseconds>(horizon_slack).count();
  auto record = transaction.availabilities().find_for_specialist(work.specialist_id);
  if (!record) return refresh;  // no rules: no free day
  auto rules = rules_cache_.rules(*record);
  refresh.notice_ms =
      std::chrono::duration_cast<milliseconds>(std::chrono::hours{rules.min_booking_notice_hours})
          .count();
  const auto* zone = domain::find_zone(rules.timezone);
  if (!zone) return refresh;
  domain::WallClock clock(zone);
  const auto now = from_unix_ms(now_ms);
  // Yesterday to the day after the horizon's last, as long as the horizon
  // moves until stale_at.
  const auto first = date::floor<date::days>(clock.to_local(now)) - date::days{1};
  const auto last = date::floor<date::days>(clock.to_local(
                        now + date::days{rules.max_advance_booking_days} + horizon_slack)) +
                    date::days{1};
  std::vector<int> durations;
  for (const auto& service : transaction.services().list_for_specialist(work.specialist_id, false))
    durations.push_back(service.duration_minutes);
  std::sort(durations.begin(), durations.end());
  durations.erase(std::unique(durations.begin(), durations.end()), durations.end());
  if (durations.empty()) return refresh;
  auto inputs = load_slot_inputs(transaction, rules_cache_, work.specialist_id,
                                 domain::Instant{(first - date::days{1}).time_since_epoch()},
                                 domain::Instant{(last + date::days{2}).time_since_epoch()}, now_ms,
                                 std::move(rules));
  auto summary = compute_free_days(*inputs, durations, domain::LocalDay{first.time_since_epoch()},
                                   domain::LocalDay{last.time_since_epoch()}, now_ms);
  refresh.days = std::move(summary.days);
  refresh.next_at = summary.next_at;
  refresh.next_valid_until = summary.next_valid_until;
  return refresh;
}

int FreeDayIndex::refresh_some(int limit) {
  const auto now_ms = clock_.now_ms();
  const auto lead = std::chrono::duration_cast<milliseconds>(refresh_lead).count();
  std::vector<ports::FreeDayRefresh> refreshes;
  int looked_at = 0;
  // Computed in a read, written in a short write: the writer's turn is not
  // held while the slot engine runs.
  store_.read([&](ports::CatalogTransaction& transaction) {
    auto work = transaction.free_days().due(now_ms, now_ms + lead, limit);
    looked_at = static_cast<int>(work.size());
    for (const auto& w : work) refreshes.push_back(compute(transaction, w, now_ms));
  });
  if (refreshes.empty()) return 0;
  store_.write([&](ports::CatalogTransaction& transaction) {
    for (const auto& refresh : refreshes) transaction.free_days().store(refresh);
  });
  return looked_at;
}

void FreeDayIndex::refresh_all() {
  constexpr int batch = 200;
  while (refresh_some(batch) == batch) {
  }
}

}  // namespace confer::app
