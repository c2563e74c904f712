#pragma once
// A specialist's profile in responses. The owner's view (GET /specialists/me)
// names the account as userId; the public view (the marketplace and a
// profile page) names it id and adds what the services say. Neither shows
// the email or anything else private.
#include <boost/json/object.hpp>

#include "app/account_service.hpp"
#include "app/specialist_directory.hpp"  // app::ports::DirectoryEntry, until app has its own

namespace confer::http::json {

boost::json::object own_profile(const app::SpecialistProfile& profile);
// With serviceCount and priceFrom ({amount, currency} of the cheapest
// published service, or null).
boost::json::object public_profile(const app::ports::DirectoryEntry& entry);

}  // namespace confer::http::json
