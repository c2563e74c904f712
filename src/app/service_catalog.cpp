#include "app/service_catalog.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "app/clash.hpp"
#include "app/errors.hpp"
#include "app/parsed_rules.hpp"
#include "security/crypto.hpp"

namespace confer::app {
namespace {

void apply(ServiceRecord& service, const ServiceChanges& changes) {
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
void check_duration(ports::CatalogTransaction& transaction, const ServiceRecord& service) {
  auto record = transaction.availabilities().find_for_specialist(service.specialist_id);
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

ServiceRecord ServiceCatalog::create(const std::string& specialist_id,
                                     const ServiceChanges& draft) {
  ServiceRecord service;
  service.id = security::new_uuid();
  service.specialist_id = specialist_id;
  service.published = true;  // a new service is bookable unless the specialist says otherwise
  apply(service, draft);
  service.created_at = service.updated_at = clock_.now_ms();
  clash_is_conflict([&] {
    store_.write([&](ports::CatalogTransaction& transaction) {
      check_duration(transaction, service);
      auto& services = transaction.services();
      services.take_turn_adding(specialist_id);
      if (services.count_for_specialist(specialist_id) >= max_per_specialist_)
        throw Error::conflict("You have " + std::to_string(max_per_specialist_) +
                              " services, the most one specialist may have. Delete one to add "
                              "another.");
      services.insert(service);
    });
  });
  return service;
}

ServiceRecord ServiceCatalog::update(const std::string& specialist_id,
                                     const std::string& service_id, const ServiceChanges& changes) {
  std::optional<ServiceRecord> service;
  clash_is_conflict([&] {
    store_.write([&](ports::CatalogTransaction& transaction) {
      auto& services = transaction.services();
      service = services.find(service_id);
      if (!service || service->specialist_id != specialist_id || service->deleted_at) {
        service.reset();
        return;
      }
      apply(*service, changes);
      if (changes.duration_minutes) check_duration(transaction, *service);
      service->updated_at = clock_.now_ms();
      services.update(*service);
    });
  });
  if (!service) throw Error::not_found("The service");
  return *service;
}

void ServiceCatalog::remove(const std::string& specialist_id, const std::string& service_id) {
  bool removed = false;
  clash_is_conflict([&] {
    store_.write([&](ports::CatalogTransaction& transaction) {
      auto& services = transaction.services();
      auto service = services.find(service_id);
      if (!service || service->specialist_id != specialist_id || service->deleted_at) return;
      service->deleted_at = service->updated_at = clock_.now_ms();
      service->published = false;
      services.update(*service);
      removed = true;
    });
  });
  if (!removed) throw Error::not_found("The service");
}

ServiceRecord ServiceCatalog::get(const std::string& service_id, const std::string& viewer_id) {
  std::optional<ServiceRecord> service;
  store_.read([&](ports::CatalogTransaction& transaction) {
    service = transaction.services().find(service_id);
  });
  if (!service || service->deleted_at ||
      (!service->published && service->specialist_id != viewer_id))
    throw Error::not_found("The service");
  return *service;
}

std::vector<ServiceRecord> ServiceCatalog::list(const std::string& specialist_id,
                                                const std::string& viewer_id) {
  std::vector<ServiceRecord> services;
  store_.read([&](ports::CatalogTransaction& transaction) {
    auto user = transaction.specialists().user(specialist_id);
    if (!user || user->role != "specialist") return;
    services =
        transaction.services().list_for_specialist(specialist_id, specialist_id == viewer_id);
  });
  return services;
}

}  // namespace confer::app
