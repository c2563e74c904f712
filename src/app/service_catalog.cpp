#include "app/service_catalog.hpp"

#include <boost/json.hpp>

#include "app/availability_service.hpp"
#include "app/errors.hpp"
#include "security/crypto.hpp"
#include "store/availability_repo.hpp"
#include "store/user_repo.hpp"

namespace confer::app {
namespace {

void apply(store::ServiceRecord& service, const ServiceChanges& changes) {
  if (changes.title) service.title = *changes.title;
  if (changes.description) service.description = *changes.description;
  if (changes.duration_minutes) service.duration_minutes = *changes.duration_minutes;
  if (changes.price) service.price = *changes.price;
  if (changes.currency) service.currency = *changes.currency;
  if (changes.tags) {
    boost::json::array tags;
    for (const auto& tag : *changes.tags) tags.emplace_back(tag);
    service.tags_json = boost::json::serialize(tags);
  }
  if (changes.cancellation_deadline_hours)
    service.cancellation_deadline_hours = *changes.cancellation_deadline_hours;
  if (changes.refund_policy) service.refund_policy = *changes.refund_policy;
  if (changes.refund_percentage) service.refund_percentage = *changes.refund_percentage;
  // The percentage is what the policy grants: keep it consistent with the kind.
  if (service.refund_policy == "full") service.refund_percentage = 100;
  if (service.refund_policy == "none") service.refund_percentage = 0;
  if (changes.published) service.published = *changes.published;
}

// A service lasts one of the durations the specialist offers (when they have
// set their availability; until then any 5–480 minutes).
void check_duration(store::Session& session, const store::ServiceRecord& service) {
  auto record = store::AvailabilityRepo(session).find_for_specialist(service.specialist_id);
  if (!record) return;
  auto durations = rules_from_record(*record).slot_durations;
  if (std::find(durations.begin(), durations.end(), service.duration_minutes) != durations.end())
    return;
  std::string list;
  for (int d : durations) list += (list.empty() ? "" : ", ") + std::to_string(d);
  throw Error::invalid_field("duration",
                             "must be one of your slot durations (" + list + " minutes)");
}

}  // namespace

store::ServiceRecord ServiceCatalog::create(const std::string& specialist_id,
                                            const ServiceChanges& draft) {
  store::ServiceRecord service;
  service.id = security::new_uuid();
  service.specialist_id = specialist_id;
  service.published = true;  // a new service is bookable unless the specialist says otherwise
  apply(service, draft);
  service.created_at = service.updated_at = clock_.now_ms();
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    check_duration(session, service);
    store::ServiceRepo repo(session);
    // PostgreSQL: one specialist's creations count one after another.
    if (session.dialect() == store::Dialect::postgres)
      session.query("SELECT id FROM users WHERE id = $1 FOR UPDATE", {specialist_id});
    if (repo.count_for_specialist(specialist_id) >= max_per_specialist_)
      throw Error::conflict("You have " + std::to_string(max_per_specialist_) +
                            " services, the most one specialist may have. Delete one to add "
                            "another.");
    repo.insert(service);
  });
  return service;
}

store::ServiceRecord ServiceCatalog::update(const std::string& specialist_id,
                                            const std::string& service_id,
                                            const ServiceChanges& changes) {
  std::optional<store::ServiceRecord> service;
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    store::ServiceRepo repo(session);
    service = repo.find(service_id);
    if (!service || service->specialist_id != specialist_id || service->deleted_at) {
      service.reset();
      return;
    }
    apply(*service, changes);
    if (changes.duration_minutes) check_duration(session, *service);
    service->updated_at = clock_.now_ms();
    repo.update(*service);
  });
  if (!service) throw Error::not_found("The service");
  return *service;
}

void ServiceCatalog::remove(const std::string& specialist_id, const std::string& service_id) {
  bool removed = false;
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    store::ServiceRepo repo(session);
    auto service = repo.find(service_id);
    if (!service || service->specialist_id != specialist_id || service->deleted_at) return;
    service->deleted_at = service->updated_at = clock_.now_ms();
    service->published = false;
    repo.update(*service);
    removed = true;
  });
  if (!removed) throw Error::not_found("The service");
}

store::ServiceRecord ServiceCatalog::get(const std::string& service_id,
                                         const std::string& viewer_id) {
  std::optional<store::ServiceRecord> service;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    service = store::ServiceRepo(session).find(service_id);
  });
  if (!service || service->deleted_at ||
      (!service->published && service->specialist_id != viewer_id))
    throw Error::not_found("The service");
  return *service;
}

std::vector<store::ServiceRecord> ServiceCatalog::list(const std::string& specialist_id,
                                                       const std::string& viewer_id) {
  std::vector<store::ServiceRecord> services;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    auto user = store::UserRepo(session).find_by_id(specialist_id);
    if (!user || user->role != "specialist") return;
    services =
        store::ServiceRepo(session).list_for_specialist(specialist_id, specialist_id == viewer_id);
  });
  return services;
}

}  // namespace confer::app
