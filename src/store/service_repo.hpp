#pragma once
// Services (the paid or free sessions a specialist offers).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/catalog_ports.hpp"
#include "store/database.hpp"

namespace confer::store {

using ServiceRecord = app::ServiceRecord;

// The columns every service query reads, in the order service_from_row expects.
inline constexpr std::string_view service_columns =
    "id, specialist_id, title, description, duration_minutes, price, currency, tags,"
    " cancellation_deadline_hours, refund_policy, refund_percentage, published, created_at,"
    " updated_at, deleted_at";
inline constexpr std::size_t service_column_count = 15;
ServiceRecord service_from_row(const Row& row);

class ServiceRepo final : public app::ports::Services {
 public:
  explicit ServiceRepo(Session& session) : session_(session) {}

  void insert(const ServiceRecord& service) override;
  void update(const ServiceRecord& service) override;
  // Includes deleted services (bookings still point at them).
  std::optional<ServiceRecord> find(const std::string& id) override;
  // Those of `ids` that exist (deleted ones too), in no particular order.
  std::vector<ServiceRecord> find_by_ids(const std::vector<std::string>& ids);
  // How many services the specialist has that are not deleted.
  std::int64_t count_for_specialist(const std::string& specialist_id) override;
  // A specialist's services that are not deleted; only published ones unless asked.
  std::vector<ServiceRecord> list_for_specialist(const std::string& specialist_id,
                                                 bool include_unpublished) override;
  // PostgreSQL: locks the specialist's account row; SQLite's write
  // transactions take turns anyway.
  void take_turn_adding(const std::string& specialist_id) override;

 private:
  Session& session_;
};

}  // namespace confer::store
