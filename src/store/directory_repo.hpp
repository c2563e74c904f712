#pragma once
// Searching specialists for the marketplace.
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/user_repo.hpp"

namespace confer::store {

struct DirectoryFilter {
  std::string text;                                  // in name, headline or bio
  std::string specialty;                             // exact tag (case-insensitive)
  std::string language;                              // exact tag
  std::optional<std::int64_t> min_price, max_price;  // some published service in range
  std::optional<std::string> currency;
};

struct DirectoryEntry {
  UserRecord user;
  SpecialistProfileRecord profile;
  std::optional<std::int64_t> lowest_price;  // of published services
  std::string lowest_price_currency;
  int service_count = 0;
};

// Matching specialists, ordered by name, at most `limit`.
std::vector<DirectoryEntry> search_specialists(Session& session, const DirectoryFilter& filter,
                                               int limit);

}  // namespace confer::store
