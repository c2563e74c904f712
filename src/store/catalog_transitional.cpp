// Transitional: the entry points of the catalog services that still take a
// database or a session, for the old BookingService (which checks a slot
// inside its own transaction) and the tests built on a database. They wrap
// the store's adapters (store/catalog_store.hpp) around what they are given;
// the services themselves know only their ports. Delete this file with the
// old BookingService.
#include "app/availability_service.hpp"
#include "app/service_catalog.hpp"
#include "store/catalog_store.hpp"

namespace confer::app {

AvailabilityService::AvailabilityService(store::Database& database, const Clock& clock)
    : AvailabilityService(std::make_unique<store::CatalogStore>(database), clock) {}

std::optional<SlotCheck> AvailabilityService::check_slot(store::Session& session,
                                                         const std::string& service_id,
                                                         domain::Instant start, std::int64_t now_ms,
                                                         bool with_bookings) {
  store::CatalogSession transaction(session);
  return check_slot(transaction, service_id, start, now_ms, with_bookings);
}

ServiceCatalog::ServiceCatalog(store::Database& database, const Clock& clock,
                               int max_per_specialist)
    : ServiceCatalog(std::make_unique<store::CatalogStore>(database), clock, max_per_specialist) {}

}  // namespace confer::app
