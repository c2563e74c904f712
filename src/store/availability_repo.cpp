#include "store/availability_repo.hpp"

namespace confer::store {

AvailabilityRecord availability_from_row(const Row& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), row.integer(4), row.integer(5)};
}

BlockedSlotRecord blocked_slot_from_row(const Row& row) {
  return {row.text(0), row.text(1), row.integer(2), row.integer(3), row.text(4), row.integer(5)};
}

void AvailabilityRepo::insert(const AvailabilityRecord& r) {
  session_.execute(
      "INSERT INTO availability (id, specialist_id, timezone, rules, created_at, updated_at)"
      " VALUES ($1, $2, $3, $4, $5, $6)",
      {r.id, r.specialist_id, r.timezone, r.rules_json, r.created_at, r.updated_at});
}

void AvailabilityRepo::update(const AvailabilityRecord& r) {
  session_.execute(
      "UPDATE availability SET timezone = $2, rules = $3, updated_at = $4 WHERE id = $1",
      {r.id, r.timezone, r.rules_json, r.updated_at});
}

std::optional<AvailabilityRecord> AvailabilityRepo::find_by_id(const std::string& id) {
  auto row = session_.query_one(
      "SELECT id, specialist_id, timezone, rules, created_at, updated_at FROM availability"
      " WHERE id = $1",
      {id});
  if (!row) return std::nullopt;
  return availability_from_row(*row);
}

std::optional<AvailabilityRecord> AvailabilityRepo::find_for_specialist(
    const std::string& specialist_id) {
  auto row = session_.query_one(
      "SELECT id, specialist_id, timezone, rules, created_at, updated_at FROM availability"
      " WHERE specialist_id = $1",
      {specialist_id});
  if (!row) return std::nullopt;
  return availability_from_row(*row);
}

bool AvailabilityRepo::insert_block(const BlockedSlotRecord& b) {
  if (session_.query_one(
          "SELECT 1 FROM blocked_slots WHERE specialist_id = $1 AND start_at = $2 AND end_at = $3",
          {b.specialist_id, b.start_at, b.end_at}))
    return false;
  session_.execute(
      "INSERT INTO blocked_slots (id, specialist_id, start_at, end_at, reason, created_at)"
      " VALUES ($1, $2, $3, $4, $5, $6)",
      {b.id, b.specialist_id, b.start_at, b.end_at, b.reason, b.created_at});
  return true;
}

bool AvailabilityRepo::delete_block(const std::string& specialist_id, std::int64_t start_at,
                                    std::int64_t end_at) {
  return session_.execute(
             "DELETE FROM blocked_slots WHERE specialist_id = $1 AND start_at = $2 AND end_at = $3",
             {specialist_id, start_at, end_at}) > 0;
}

std::vector<BlockedSlotRecord> AvailabilityRepo::blocks_between(const std::string& specialist_id,
                                                                std::int64_t from,
                                                                std::int64_t to) {
  std::vector<BlockedSlotRecord> blocks;
  for (const auto& row : session_.query(
           "SELECT id, specialist_id, start_at, end_at, reason, created_at FROM blocked_slots"
           " WHERE specialist_id = $1 AND end_at > $2 AND start_at < $3 ORDER BY start_at",
           {specialist_id, from, to}))
    blocks.push_back(blocked_slot_from_row(row));
  return blocks;
}

std::int64_t AvailabilityRepo::schedule_version(const std::string& specialist_id) {
  auto row = session_.query_one("SELECT version FROM schedule_versions WHERE specialist_id = $1",
                                {specialist_id});
  return row ? row->integer(0) : 0;
}

}  // namespace confer::store
