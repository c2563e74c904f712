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

// Matching specialists, ordered by name, at most `limit`.
std::vector<DirectoryEntry> search_specialists(Session& session, const DirectoryFilter& filter,
                                               int limit);

class SpecialistsRepo final : public app::ports::Specialists {
 public:
  explicit SpecialistsRepo(Session& session) : session_(session) {}

  std::optional<UserRecord> user(const std::string& id) override {
    return UserRepo(session_).find_by_id(id);
  }
  std::optional<SpecialistProfileRecord> profile(const std::string& user_id) override {
    return UserRepo(session_).find_profile(user_id);
  }
  std::vector<DirectoryEntry> search(const DirectoryFilter& filter, int limit) override {
    return search_specialists(session_, filter, limit);
  }

 private:
  Session& session_;
};

}  // namespace confer::store
