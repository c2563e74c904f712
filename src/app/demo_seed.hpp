#pragma once
// Demo data for `make run`: a few specialists with profiles and a customer,
// so the marketplace is not empty on first start. Idempotent: accounts that
// exist are left as they are.
#include <string>

#include "app/account_service.hpp"
#include "app/auth_service.hpp"
#include "app/availability_service.hpp"
#include "app/service_catalog.hpp"

namespace confer::app {

struct DemoSeedResult {
  int created = 0;
  int existing = 0;
};

DemoSeedResult seed_demo(AuthService& auth, AccountService& accounts,
                         AvailabilityService& availability, ServiceCatalog& catalog,
                         const std::string& password);

}  // namespace confer::app
