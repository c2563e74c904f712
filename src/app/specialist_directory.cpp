#include "app/specialist_directory.hpp"

#include "app/errors.hpp"

namespace confer::app {
namespace {
constexpr int max_candidates = 1000;
}

DirectoryPage SpecialistDirectory::search(const DirectoryQuery& query) {
  std::vector<ports::DirectoryEntry> matches;
  store_.read([&](ports::CatalogTransaction& transaction) {
    matches = transaction.specialists().search(query.filter, max_candidates);
  });
  if (query.available_on) {
    std::erase_if(matches, [&](const ports::DirectoryEntry& entry) {
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

ports::DirectoryEntry SpecialistDirectory::get(const std::string& specialist_id) {
  std::optional<ports::DirectoryEntry> entry;
  store_.read([&](ports::CatalogTransaction& transaction) {
    auto& specialists = transaction.specialists();
    auto user = specialists.user(specialist_id);
    if (!user || user->role != "specialist") return;
    auto profile = specialists.profile(specialist_id);
    if (!profile) return;
    entry = ports::DirectoryEntry{*user, *profile, std::nullopt, "", 0};
  });
  if (!entry) throw Error::not_found("The specialist");
  return *entry;
}

}  // namespace confer::app
