#include "store/service_repo.hpp"

#include "store/directory_index.hpp"

namespace confer::store {
namespace {

constexpr std::string_view columns = service_columns;

}  // namespace

ServiceRecord service_from_row(const Row& row) {
  ServiceRecord s;
  s.id = row.text(0);
  s.specialist_id = row.text(1);
  s.title = row.text(2);
  s.description = row.text(3);
  s.duration_minutes = static_cast<int>(row.integer(4));
  s.price = row.integer(5);
  s.currency = row.text(6);
  s.tags_json = row.text(7);
  s.cancellation_deadline_hours = static_cast<int>(row.integer(8));
  s.refund_policy = row.text(9);
  s.refund_percentage = static_cast<int>(row.integer(10));
  s.published = row.boolean(11);
  s.created_at = row.integer(12);
  s.updated_at = row.integer(13);
  s.deleted_at = row.optional_integer(14);
  return s;
}

namespace {

Params to_params(const ServiceRecord& s) {
  return {s.id,
          s.specialist_id,
          s.title,
          s.description,
          std::int64_t{s.duration_minutes},
          s.price,
          s.currency,
          s.tags_json,
          std::int64_t{s.cancellation_deadline_hours},
          s.refund_policy,
          std::int64_t{s.refund_percentage},
          std::int64_t{s.published ? 1 : 0},
          s.created_at,
          s.updated_at,
          optional_param(s.deleted_at)};
}

}  // namespace

void ServiceRepo::insert(const ServiceRecord& service) {
  session_.execute(
      "INSERT INTO services (" + std::string(columns) +
          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
      to_params(service));
  refresh_directory_entry(session_, service.specialist_id);  // prices and counts
}

void ServiceRepo::update(const ServiceRecord& service) {
  session_.execute(
      "UPDATE services SET title = $3, description = $4, duration_minutes = $5, price = $6,"
      " currency = $7, tags = $8, cancellation_deadline_hours = $9, refund_policy = $10,"
      " refund_percentage = $11, published = $12, updated_at = $13, deleted_at = $14"
      " WHERE id = $1 AND specialist_id = $2",
      {service.id, service.specialist_id, service.title, service.description,
       std::int64_t{service.duration_minutes}, service.price, service.currency, service.tags_json,
       std::int64_t{service.cancellation_deadline_hours}, service.refund_policy,
       std::int64_t{service.refund_percentage}, std::int64_t{service.published ? 1 : 0},
       service.updated_at, optional_param(service.deleted_at)});
  refresh_directory_entry(session_, service.specialist_id);
}

std::vector<ServiceRecord> ServiceRepo::find_by_ids(const std::vector<std::string>& ids) {
  std::vector<ServiceRecord> services;
  if (ids.empty()) return services;
  Params params;
  const auto sql = "SELECT " + std::string(columns) + " FROM services WHERE id IN (" +
                   in_list(params, ids) + ")";
  for (const auto& row : session_.query(sql, params)) services.push_back(service_from_row(row));
  return services;
}

std::optional<ServiceRecord> ServiceRepo::find(const std::string& id) {
  auto row =
      session_.query_one("SELECT " + std::string(columns) + " FROM services WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return service_from_row(*row);
}

std::int64_t ServiceRepo::count_for_specialist(const std::string& specialist_id) {
  return session_
      .query_one("SELECT COUNT(*) FROM services WHERE specialist_id = $1 AND deleted_at IS NULL",
                 {specialist_id})
      ->integer(0);
}

std::vector<ServiceRecord> ServiceRepo::list_for_specialist(const std::string& specialist_id,
                                                            bool include_unpublished) {
  std::vector<ServiceRecord> services;
  for (const auto& row :
       session_.query("SELECT " + std::string(columns) +
                          " FROM services WHERE specialist_id = $1 AND deleted_at IS NULL"
                          " AND (published = 1 OR $2 = 1) ORDER BY created_at, id",
                      {specialist_id, std::int64_t{include_unpublished ? 1 : 0}}))
    services.push_back(service_from_row(row));
  return services;
}

void ServiceRepo::take_turn_adding(const std::string& specialist_id) {
  // One specialist's creations count one after another.
  if (session_.dialect() == Dialect::postgres)
    session_.query("SELECT id FROM users WHERE id = $1 FOR UPDATE", {specialist_id});
}

}  // namespace confer::store
