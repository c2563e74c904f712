#include "app/availability_service.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "app/clash.hpp"
#include "app/errors.hpp"
#include "app/slot_inputs.hpp"
#include "security/crypto.hpp"

namespace confer::app {
namespace {

constexpr int default_range_days = 30;
// Days computed at a time: a list stops once it has enough slots.
constexpr int days_per_step = 7;

using domain::from_unix_ms;
using domain::to_unix_ms;

// The slots of every service from `from` to `to` (local days), starting at
// `after` or later, computed a week at a time until more than `limit` are
// found; then cut at the start of the limit+1-th slot (all services' slots at
// that instant are left out together) and that start returned.
std::optional<domain::Instant> compute_bounded(std::vector<ServiceSlots>& services,
                                               const SlotInputs& loaded, domain::WallClock& clock,
                                               domain::LocalDay from, domain::LocalDay to,
                                               std::optional<domain::Instant> after,
                                               domain::Instant now, bool include_unavailable,
                                               std::size_t limit) {
  if (after) from = std::max(from, date::floor<date::days>(clock.to_local(*after)));
  std::size_t total = 0;
  for (auto day = from; day <= to && total <= limit; day += date::days{days_per_step}) {
    const auto last = std::min(to, day + date::days{days_per_step - 1});
    // The engine carries the previous day's last slot into the next (across
    // a DST change the two must not overlap): a step starts a day early and
    // keeps only its own days.
    const auto first = day == from ? day : day - date::days{1};
    for (auto& service : services) {
      domain::SlotQuery query{first, last, service.service.duration_minutes, now,
                              include_unavailable};
      auto slots =
          domain::compute_slots(loaded.rules, clock.zone(), query, loaded.bookings, loaded.blocks);
      // In time order: the day before's slots, then those before `after`, come first.
      auto keep = slots.begin();
      if (first < day)
        keep = std::find_if(keep, slots.end(), [&](const domain::Slot& slot) {
          return date::floor<date::days>(clock.to_local(slot.start)) >= day;
        });
      if (after)
        keep = std::find_if(keep, slots.end(),
                            [&](const domain::Slot& slot) { return slot.start >= *after; });
      total += static_cast<std::size_t>(slots.end() - keep);
      service.slots.insert(service.slots.end(), keep, slots.end());
    }
  }
  if (total <= limit) return std::nullopt;
  // The limit+1-th start in time order.
  std::vector<domain::Instant> starts;
  starts.reserve(total);
  for (const auto& service : services)
    for (const auto& slot : service.slots) starts.push_back(slot.start);
  std::nth_element(starts.begin(), starts.begin() + static_cast<std::ptrdiff_t>(limit),
                   starts.end());
  auto cut = starts[limit];
  // More services than `limit` starting at the very first instant cannot be
  // split by time: that instant is kept whole.
  if (cut == *std::min_element(starts.begin(), starts.end())) return std::nullopt;
  for (auto& service : services)
    std::erase_if(service.slots, [&](const domain::Slot& slot) { return slot.start >= cut; });
  return cut;
}

}  // namespace

std::optional<AvailabilityView> AvailabilityService::find(const std::string& specialist_id) {
  std::optional<AvailabilityRecord> record;
  store_.read([&](ports::CatalogTransaction& transaction) {
    record = transaction.availabilities().find_for_specialist(specialist_id);
  });
  if (!record) return std::nullopt;
  return AvailabilityView{*record, rules_cache_.rules(*record)};
}

AvailabilityView AvailabilityService::create(const std::string& specialist_id,
                                             const domain::AvailabilityRules& rules) {
  const auto now = clock_.now_ms();
  AvailabilityRecord record{security::new_uuid(),
                            specialist_id,
                            rules.timezone,
                            boost::json::serialize(domain::availability_to_json(rules)),
                            now,
                            now};
  std::optional<std::string> existing;
  clash_is_conflict([&] {
    store_.write([&](ports::CatalogTransaction& transaction) {
      auto& availabilities = transaction.availabilities();
      if (auto found = availabilities.find_for_specialist(specialist_id)) {
        existing = found->id;
        return;
      }
      availabilities.insert(record);
    });
  });
  if (existing)
    throw Error::conflict("You already have availability; change it with PUT /api/availability/" +
                          *existing + ".");
  return {record, rules};
}

AvailabilityView AvailabilityService::update(const std::string& specialist_id,
                                             const std::string& availability_id,
                                             const domain::AvailabilityRules& rules) {
  std::optional<AvailabilityRecord> record;
  clash_is_conflict([&] {
    store_.write([&](ports::CatalogTransaction& transaction) {
      auto& availabilities = transaction.availabilities();
      record = availabilities.find_by_id(availability_id);
      if (!record || record->specialist_id != specialist_id) {
        record.reset();
        return;
      }
      record->timezone = rules.timezone;
      record->rules_json = boost::json::serialize(domain::availability_to_json(rules));
      record->updated_at = clock_.now_ms();
      availabilities.update(*record);
    });
  });
  if (!record) throw Error::not_found("The availability");
  return {*record, rules};
}

SlotComputation AvailabilityService::slots(const std::string& specialist_id,
                                           const std::optional<std::string>& service_id,
                                           const SlotRange& range, bool include_unavailable) {
  const auto now_ms = clock_.now_ms();
  const domain::Instant now = from_unix_ms(now_ms);
  SlotComputation result;
  result.specialist_id = specialist_id;
  result.basis.now_ms = now_ms;
  // Read before the transaction: a commit made after it changes the counter.
  result.basis.database_change = store_.change_counter();
  std::optional<SlotInputs> loaded;
  bool specialist_exists = false;
  store_.read([&](ports::CatalogTransaction& transaction) {
    auto user = transaction.specialists().user(specialist_id);
    if (!user || user->role != "specialist") return;
    specialist_exists = true;
    result.basis.schedule_version = transaction.availabilities().schedule_version(specialist_id);
    result.timezone = user->timezone;
    auto record = transaction.availabilities().find_for_specialist(specialist_id);
    if (!record) return;
    auto rules = rules_cache_.rules(*record);
    result.timezone = rules.timezone;
    domain::WallClock clock(domain::find_zone(rules.timezone));
    auto today = date::floor<date::days>(clock.to_local(now));
    auto from = range.from.value_or(domain::LocalDay{today.time_since_epoch()});
    auto to = range.to.value_or(from + date::days{default_range_days});
    if (to < from) throw Error::invalid_field("to", "must not be before from");
    if ((to - from).count() > max_slot_range_days)
      throw Error::invalid_field(
          "to", "must be at most " + std::to_string(max_slot_range_days) + " days after from");
    // The instants the local days can touch, a day of margin either side.
    auto window_start = domain::Instant{(from - date::days{1}).time_since_epoch()};
    auto window_end = domain::Instant{(to + date::days{2}).time_since_epoch()};
    loaded = load_slot_inputs(transaction, rules_cache_, specialist_id, window_start, window_end,
                              now_ms, std::move(rules));
    result.basis.busy_from = loaded->busy_from;
    result.basis.busy_to = loaded->busy_to;
    result.basis.busy = loaded->busy;
    result.basis.complete = true;
    auto services = transaction.services().list_for_specialist(specialist_id, false);
    for (auto& service : services)
      if (!service_id || service.id == *service_id)
        result.services.push_back({std::move(service), {}});
    result.next_after = compute_bounded(result.services, *loaded, clock, from, to, range.after, now,
                                        include_unavailable, max_slots_per_list);
  });
  if (!specialist_exists) throw Error::not_found("The specialist");
  if (service_id && loaded && result.services.empty()) throw Error::not_found("The service");
  return result;
}

bool AvailabilityService::still_current(const std::string& specialist_id, const SlotBasis& basis,
                                        std::int64_t now_ms) {
  if (!basis.complete) return false;
  // Nothing written anywhere since, and no unpaid hold has run out: the
  // basis is unchanged without reading it again.
  const bool a_hold_ran_out = std::any_of(basis.busy.begin(), basis.busy.end(), [&](const auto& b) {
    return b.hold_expires_at != 0 && b.hold_expires_at <= now_ms;
  });
  if (basis.database_change && !a_hold_ran_out && store_.change_counter() == basis.database_change)
    return true;
  bool current = false;
  store_.read([&](ports::CatalogTransaction& transaction) {
    auto stamp =
        transaction.busy_times().stamp(specialist_id, basis.busy_from, basis.busy_to, now_ms);
    current = stamp.version == basis.schedule_version && stamp.busy == basis.busy;
  });
  return current;
}

std::optional<SlotCheck> AvailabilityService::check_slot(ports::CatalogTransaction& transaction,
                                                         const std::string& service_id,
                                                         domain::Instant start, std::int64_t now_ms,
                                                         bool with_bookings) {
  auto service = transaction.services().find(service_id);
  if (!service || service->deleted_at) return std::nullopt;
  // The local day holding `start` lies within 26 hours either side of it.
  auto loaded = load_slot_inputs(transaction, rules_cache_, service->specialist_id,
                                 start - std::chrono::hours{26}, start + std::chrono::hours{26},
                                 now_ms, std::nullopt, with_bookings);
  if (!loaded) return std::nullopt;
  return slot_at(*service, loaded->rules, loaded->bookings, loaded->blocks, start, now_ms);
}

std::optional<SlotCheck> AvailabilityService::slot_at(const ServiceRecord& service,
                                                      const domain::AvailabilityRules& rules,
                                                      const std::vector<domain::Interval>& bookings,
                                                      const std::vector<domain::Interval>& blocks,
                                                      domain::Instant start, std::int64_t now_ms) {
  const auto* zone = domain::find_zone(rules.timezone);
  domain::WallClock clock(zone);
  auto local_day = date::floor<date::days>(clock.to_local(start));
  domain::LocalDay day{local_day.time_since_epoch()};
  domain::SlotQuery query{day, day, service.duration_minutes, from_unix_ms(now_ms), true};
  for (const auto& slot : domain::compute_slots(rules, zone, query, bookings, blocks))
    if (slot.start == start) return SlotCheck{service, slot, rules.buffer_minutes};
  return std::nullopt;
}

std::optional<SlotCheck> AvailabilityService::check_slot(const std::string& service_id,
                                                         domain::Instant start) {
  std::optional<SlotCheck> result;
  store_.read([&](ports::CatalogTransaction& transaction) {
    result = check_slot(transaction, service_id, start, clock_.now_ms());
  });
  return result;
}

SlotCheck AvailabilityService::block(const std::string& specialist_id,
                                     const std::string& service_id, domain::Instant start,
                                     const std::string& reason) {
  std::optional<SlotCheck> result;
  clash_is_conflict([&] {
    store_.write([&](ports::CatalogTransaction& transaction) {
      auto check = check_slot(transaction, service_id, start, clock_.now_ms());
      if (!check || check->service.specialist_id != specialist_id) return;
      transaction.availabilities().insert_block(
          {security::new_uuid(), specialist_id, to_unix_ms(check->slot.start),
           to_unix_ms(check->slot.end), reason, clock_.now_ms()});
      if (check->slot.status == domain::SlotStatus::available)
        check->slot.status = domain::SlotStatus::blocked;
      result = check;
    });
  });
  if (!result) throw Error::not_found("The slot");
  return *result;
}

SlotCheck AvailabilityService::unblock(const std::string& specialist_id,
                                       const std::string& service_id, domain::Instant start) {
  std::optional<SlotCheck> result;
  clash_is_conflict([&] {
    store_.write([&](ports::CatalogTransaction& transaction) {
      auto check = check_slot(transaction, service_id, start, clock_.now_ms());
      if (!check || check->service.specialist_id != specialist_id) return;
      transaction.availabilities().delete_block(specialist_id, to_unix_ms(check->slot.start),
                                                to_unix_ms(check->slot.end));
      result = check_slot(transaction, service_id, start, clock_.now_ms());
    });
  });
  if (!result) throw Error::not_found("The slot");
  return *result;
}

}  // namespace confer::app
