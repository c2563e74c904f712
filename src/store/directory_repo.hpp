#pragma once
// Searching specialists for the marketplace, and the accounts and profiles
// the catalog reads (app::ports::Specialists).
#include <optional>
#include <string>
#include <vector>

#include "app/ports/catalog_ports.hpp"
#include "store/database.hpp"
#include "store/user_repo.hpp"

namespace confer::store {

using DirectoryFilter = app::ports::DirectoryFilter;
using DirectoryEntry = app::ports::DirectoryEntry;

using DirectoryWindow = app::ports::DirectoryWindow;
using DirectoryMatches = app::ports::DirectoryMatches;

// Matching specialists, ordered by name then id, from the search rows of
// store/directory_index.hpp: the window of them.
DirectoryMatches search_specialists(Session& session, const DirectoryFilter& filter,
                                    const DirectoryWindow& window);
std::int64_t count_specialists(Session& session, const DirectoryFilter& filter);
std::int64_t directory_version(Session& session);
bool is_listed(Session& session, const std::string& specialist_id);

class SpecialistsRepo final : public app::ports::Specialists {
 public:
  explicit SpecialistsRepo(Session& session) : session_(session) {}

  std::optional<UserRecord> user(const std::string& id) override {
    return UserRepo(session_).find_by_id(id);
  }
  std::optional<SpecialistProfileRecord> profile(const std::string& user_id) override {
    return UserRepo(session_).find_profile(user_id);
  }
  DirectoryMatches search(const DirectoryFilter& filter, const DirectoryWindow& window) override {
    return search_specialists(session_, filter, window);
  }
  std::int64_t count(const DirectoryFilter& filter) override {
    return count_specialists(session_, filter);
  }
  std::int64_t directory_version() override { return store::directory_version(session_); }
  bool listed(const std::string& id) override { return is_listed(session_, id); }

 private:
  Session& session_;
};

}  // namespace confer::store
