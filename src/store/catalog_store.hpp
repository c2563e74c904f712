#pragma once
// The catalog side's ports over a database (app/ports/catalog_ports.hpp):
// CatalogSession gives the repositories of one open transaction;
// CatalogStore runs transactions and says a clash as app::ports::Clash.
#include <cstdint>
#include <functional>
#include <optional>

#include "app/ports/catalog_ports.hpp"
#include "store/availability_repo.hpp"
#include "store/booking_busy_repo.hpp"
#include "store/database.hpp"
#include "store/directory_repo.hpp"
#include "store/free_day_repo.hpp"
#include "store/service_repo.hpp"

namespace confer::store {

class CatalogSession final : public app::ports::CatalogTransaction {
 public:
  explicit CatalogSession(Session& session)
      : services_(session),
        availabilities_(session),
        busy_(session),
        specialists_(session),
        free_days_(session) {}

  app::ports::Services& services() override { return services_; }
  app::ports::Availabilities& availabilities() override { return availabilities_; }
  app::ports::BusyTimes& busy_times() override { return busy_; }
  app::ports::Specialists& specialists() override { return specialists_; }
  app::ports::FreeDays& free_days() override { return free_days_; }

 private:
  ServiceRepo services_;
  AvailabilityRepo availabilities_;
  BusyTimesRepo busy_;
  SpecialistsRepo specialists_;
  FreeDayRepo free_days_;
};

class CatalogStore final : public app::ports::CatalogUnitOfWork {
 public:
  explicit CatalogStore(Database& database) : database_(database) {}

  void read(const std::function<void(app::ports::CatalogTransaction&)>& work) override;
  // A unique or exclusion violation, at any statement or the commit, is
  // thrown as app::ports::Clash; other database errors pass as they are.
  void write(const std::function<void(app::ports::CatalogTransaction&)>& work) override;
  std::optional<std::int64_t> change_counter() override { return database_.change_counter(); }

 private:
  Database& database_;
};

// Runs `work`, throwing a unique or exclusion violation as app::ports::Clash.
void clashes_as_port_errors(const std::function<void()>& work);

}  // namespace confer::store
