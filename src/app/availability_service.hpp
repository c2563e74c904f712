#pragma once
// Availability rules and the slots they produce. Slots are computed from the
// stored rules on every request (never stored), so a changed rule shows at
// once and a booked slot can never be offered twice: the bookings themselves
// are the source of truth for what is taken.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/parsed_rules.hpp"
#include "app/ports/catalog_ports.hpp"
#include "domain/availability.hpp"
#include "domain/slot_engine.hpp"

namespace confer::app {

struct AvailabilityView {
  AvailabilityRecord record;
  domain::AvailabilityRules rules;
};

// One slot list covers at most this many days (`to` − `from`; 422 beyond)...
inline constexpr int max_slot_range_days = 92;
// ...and holds at most this many slots: a longer list ends early and names
// where the next page starts (SlotComputation::next_after). Together with the
// cap on services per specialist they bound a request's memory and time.
inline constexpr std::size_t max_slots_per_list = 10'000;

struct SlotRange {
  std::optional<domain::LocalDay> from;  // default: today in the specialist's zone
  std::optional<domain::LocalDay> to;    // default: from + 30 days
  std::optional<domain::Instant> after;  // only slots starting then or later (the next page)
};

struct ServiceSlots {
  ServiceRecord service;
  std::vector<domain::Slot> slots;
};

// What a slot computation read, so that a copy of its result can later be
// confirmed current with two cheap reads instead of being computed again.
struct SlotBasis {
  std::int64_t now_ms = 0;
  std::int64_t schedule_version = 0;
  std::int64_t busy_from = 0;  // the window the bookings were read for
  std::int64_t busy_to = 0;
  std::vector<BusyTime> busy;
  bool complete = false;  // false when the specialist has no availability yet
  // CatalogUnitOfWork::change_counter() just before the reads (nullopt: not known).
  std::optional<std::int64_t> database_change;
};

struct SlotComputation {
  std::string specialist_id;
  std::string timezone;  // the specialist's
  std::vector<ServiceSlots> services;
  SlotBasis basis;
  // Set when the list stopped at max_slots_per_list: the start of the first
  // slot left out (ask again with `after` set to it).
  std::optional<domain::Instant> next_after;
};

// One slot, as a booking use case needs it.
struct SlotCheck {
  ServiceRecord service;
  domain::Slot slot;
  int buffer_minutes = 0;
};

class AvailabilityService {
 public:
  AvailabilityService(ports::CatalogUnitOfWork& store, const Clock& clock)
      : store_(store), clock_(clock) {}

  std::optional<AvailabilityView> find(const std::string& specialist_id);
  AvailabilityView create(const std::string& specialist_id, const domain::AvailabilityRules& rules);
  AvailabilityView update(const std::string& specialist_id, const std::string& availability_id,
                          const domain::AvailabilityRules& rules);

  // Slots of the specialist's published services (or one service), in range.
  SlotComputation slots(const std::string& specialist_id,
                        const std::optional<std::string>& service_id, const SlotRange& range,
                        bool include_unavailable);
  // True when the rules, services, blocks and bookings `basis` was computed
  // from are still what the database holds at `now_ms`.
  bool still_current(const std::string& specialist_id, const SlotBasis& basis, std::int64_t now_ms);

  // The slot of `service` starting at `start` under these rules, bookings and
  // blocked times, or nullopt when the rules make no slot start there.
  static std::optional<SlotCheck> slot_at(const ServiceRecord& service,
                                          const domain::AvailabilityRules& rules,
                                          const std::vector<domain::Interval>& bookings,
                                          const std::vector<domain::Interval>& blocks,
                                          domain::Instant start, std::int64_t now_ms);
  // The slot that starts at `start` for `service_id`, with its status now;
  // nullopt when the rules do not produce it.
  std::optional<SlotCheck> check_slot(const std::string& service_id, domain::Instant start);

  // Blocks or frees one slot of the specialist's own.
  SlotCheck block(const std::string& specialist_id, const std::string& service_id,
                  domain::Instant start, const std::string& reason);
  SlotCheck unblock(const std::string& specialist_id, const std::string& service_id,
                    domain::Instant start);

  // The stored rules, parsed (once per stored text: see ParsedRulesCache).
  domain::AvailabilityRules rules_of(const AvailabilityRecord& record) {
    return rules_cache_.rules(record);
  }

 private:
  // The slot as check_slot(service_id, start) says, within `transaction`.
  std::optional<SlotCheck> check_slot(ports::CatalogTransaction& transaction,
                                      const std::string& service_id, domain::Instant start,
                                      std::int64_t now_ms, bool with_bookings = true);

  ports::CatalogUnitOfWork& store_;
  const Clock& clock_;
  ParsedRulesCache rules_cache_;
};

}  // namespace confer::app
