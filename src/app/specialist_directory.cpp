#include "app/specialist_directory.hpp"

#include "app/errors.hpp"

namespace confer::app {
namespace {
constexpr int max_candidates = 1000;
}

DirectoryPage SpecialistDirectory::search(const DirectoryQuery& query) {
  std::vector<store::DirectoryEntry> matches;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    matches = store::search_specialists(session, query.filter, max_candidates);
  });
  if (query.available_on) {
    std::erase_if(matches, [&](const store::DirectoryEntry& entry) {
      auto computed =
          availability_.slots(entry.user.id, std::nullopt,
                              {query.available_on, query.available_on, std::nullopt}, false);
      for (const auto& service : computed.services)
        if (!service.slots.empty()) return false;
      return true;
    });
  }
  DirectoryPage page;
  page.total = static_cast<int>(matches.size());
  const auto first = static_cast<std::size_t>((query.page - 1) * query.page_size);
  for (std::size_t i = first; i < matches.size() && i < first + query.page_size; ++i)
    page.items.push_back(std::move(matches[i]));
  return page;
}

store::DirectoryEntry SpecialistDirectory::get(const std::string& specialist_id) {
  std::optional<store::DirectoryEntry> entry;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    store::UserRepo users(session);
    auto user = users.find_by_id(specialist_id);
    if (!user || user->role != "specialist") return;
    auto profile = users.find_profile(specialist_id);
    if (!profile) return;
    entry = store::DirectoryEntry{*user, *profile, std::nullopt, "", 0};
  });
  if (!entry) throw Error::not_found("The specialist");
  return *entry;
}

}  // namespace confer::app
