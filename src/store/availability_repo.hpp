#pragma once
// Availability rules (one set per specialist) and blocked slots.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/catalog_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

using AvailabilityRecord = app::AvailabilityRecord;

using BlockedSlotRecord = app::BlockedSlotRecord;

// Rows read as "id, specialist_id, timezone, rules, created_at, updated_at" and
// "id, specialist_id, start_at, end_at, reason, created_at".
AvailabilityRecord availability_from_row(const Row& row);
BlockedSlotRecord blocked_slot_from_row(const Row& row);

class AvailabilityRepo final : public app::ports::Availabilities {
 public:
  explicit AvailabilityRepo(Session& session) : session_(session) {}

  // DbError unique_violation: the specialist has one (CatalogStore makes it a Clash).
  void insert(const AvailabilityRecord& record) override;
  void update(const AvailabilityRecord& record) override;
  std::optional<AvailabilityRecord> find_by_id(const std::string& id) override;
  std::optional<AvailabilityRecord> find_for_specialist(const std::string& specialist_id) override;

  // Blocks; inserting the same (start, end) twice keeps one.
  bool insert_block(const BlockedSlotRecord& block) override;
  bool delete_block(const std::string& specialist_id, std::int64_t start_at,
                    std::int64_t end_at) override;
  // Bumped by triggers whenever the rules, services, blocks or the
  // specialist's zone change (migration 0007); 0 before the first change.
  std::int64_t schedule_version(const std::string& specialist_id) override;
  // Blocks that overlap [from, to).
  std::vector<BlockedSlotRecord> blocks_between(const std::string& specialist_id, std::int64_t from,
                                                std::int64_t to) override;

 private:
  Session& session_;
};

}  // namespace confer::store
