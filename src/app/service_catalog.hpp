#pragma once
// A specialist's services: what can be booked, for how long, at what price,
// and with which cancellation policy. Unpublished and deleted services are
// visible to their owner only (deleted ones not even listed).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/ports/catalog_ports.hpp"

namespace confer::app {

// Every field optional: create fills the defaults, update changes only what is given.
struct ServiceChanges {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<int> duration_minutes;
  std::optional<std::int64_t> price;
  std::optional<std::string> currency;
  std::optional<std::vector<std::string>> tags;
  std::optional<int> cancellation_deadline_hours;
  std::optional<std::string> refund_policy;
  std::optional<int> refund_percentage;
  std::optional<bool> published;
};

class ServiceCatalog {
 public:
  // `max_per_specialist` (SERVICES_MAX_PER_SPECIALIST): services a specialist
  // may have at once (deleted ones do not count). It bounds the work of every
  // slot list, which walks all of a specialist's services.
  ServiceCatalog(ports::CatalogUnitOfWork& store, const Clock& clock, int max_per_specialist = 50)
      : store_(store), clock_(clock), max_per_specialist_(max_per_specialist) {}

  ServiceRecord create(const std::string& specialist_id, const ServiceChanges& draft);
  ServiceRecord update(const std::string& specialist_id, const std::string& service_id,
                       const ServiceChanges& changes);
  void remove(const std::string& specialist_id, const std::string& service_id);
  // A service as `viewer_id` may see it: published, or the viewer's own.
  ServiceRecord get(const std::string& service_id, const std::string& viewer_id);
  std::vector<ServiceRecord> list(const std::string& specialist_id, const std::string& viewer_id);

 private:
  ports::CatalogUnitOfWork& store_;
  const Clock& clock_;
  int max_per_specialist_;
};

}  // namespace confer::app
