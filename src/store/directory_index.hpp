#pragma once
// The marketplace's search rows (migration 0017): one entry per listed
// specialist with their lowest price, their specialties and languages as
// rows, their published prices, and the text that search matches. The store
// refreshes a specialist's rows in the same transaction as each change to
// their account, profile or services, so the list never shows stale data.
#include <string>

#include "store/database.hpp"

namespace confer::store {

// Rewrites the search rows of one specialist from their account, profile and
// published services (removes them when the account is no longer a listed
// specialist).
void refresh_directory_entry(Session& session, const std::string& specialist_id);

// Rewrites every specialist's rows (the migration that adds them).
void rebuild_directory(Session& session);

}  // namespace confer::store
