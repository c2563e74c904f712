#pragma once
// Services (the paid or free sessions a specialist offers).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace confer::store {

struct ServiceRecord {
  std::string id;
  std::string specialist_id;
  std::string title;
  std::string description;
  int duration_minutes = 60;
  std::int64_t price = 0;
  std::string currency = "USD";
  std::string tags_json = "[]";
  int cancellation_deadline_hours = 24;
  std::string refund_policy = "full";  // full | percentage | none
  int refund_percentage = 100;
  bool published = false;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> deleted_at;
};

// The columns every service query reads, in the order service_from_row expects.
inline constexpr std::string_view service_columns =
    "id, specialist_id, title, description, duration_minutes, price, currency, tags,"
    " cancellation_deadline_hours, refund_policy, refund_percentage, published, created_at,"
    " updated_at, deleted_at";
inline constexpr std::size_t service_column_count = 15;
ServiceRecord service_from_row(const Row& row);

class ServiceRepo {
 public:
  explicit ServiceRepo(Session& session) : session_(session) {}

  void insert(const ServiceRecord& service);
  void update(const ServiceRecord& service);
  // Includes deleted services (bookings still point at them).
  std::optional<ServiceRecord> find(const std::string& id);
  // How many services the specialist has that are not deleted.
  std::int64_t count_for_specialist(const std::string& specialist_id);
  // A specialist's services that are not deleted; only published ones unless asked.
  std::vector<ServiceRecord> list_for_specialist(const std::string& specialist_id,
                                                 bool include_unpublished);

 private:
  Session& session_;
};

}  // namespace confer::store
