#include "app/specialist_directory.hpp"

#include <algorithm>

#include "app/errors.hpp"

namespace confer::app {
namespace {
// "Free on a date" is still worked out per candidate from the slot engine:
// the first this many matches by name are looked at.
constexpr int max_available_on_candidates = 1000;

std::string totals_key(const ports::DirectoryFilter& f) {
  const char separator = '\x1f';
  auto key = f.text + separator + f.specialty + separator + f.language + separator +
             f.currency.value_or("");
  if (f.min_price) key += separator + std::to_string(*f.min_price);
  key += separator;
  if (f.max_price) key += std::to_string(*f.max_price);
  return key;
}

}  // namespace

std::optional<std::int64_t> DirectoryTotals::find(const std::string& key, std::int64_t version) {
  std::lock_guard lock(mutex_);
  if (version != version_) return std::nullopt;
  auto found = totals_.find(key);
  if (found == totals_.end()) return std::nullopt;
  return found->second;
}

void DirectoryTotals::keep(const std::string& key, std::int64_t version, std::int64_t total) {
  std::lock_guard lock(mutex_);
  if (version != version_ || totals_.size() >= max_entries) {
    totals_.clear();
    version_ = version;
  }
  totals_[key] = total;
}

DirectoryPage SpecialistDirectory::search(const DirectoryQuery& query) {
  if (!query.filter.currency && (query.filter.min_price || query.filter.max_price))
    throw Error::invalid_field("currency", "is needed with a price range (e.g. USD)");
  ports::DirectoryWindow window{
      query.after, static_cast<std::int64_t>(query.page - 1) * query.page_size, query.page_size};
  if (query.available_on) window = {std::nullopt, 0, max_available_on_candidates};
  ports::DirectoryMatches matches;
  std::optional<std::int64_t> total;
  store_.read([&](ports::CatalogTransaction& transaction) {
    auto& specialists = transaction.specialists();
    if (query.after && !specialists.listed(*query.after))
      throw Error::invalid_field("after", "must be the id of a specialist from the list");
    matches = specialists.search(query.filter, window);
    if (query.available_on) return;
    if (window.offset == 0 && !window.after_id && !matches.more) {
      total = static_cast<std::int64_t>(matches.items.size());  // all on this page
      return;
    }
    const auto version = specialists.directory_version();
    const auto key = totals_key(query.filter);
    total = totals_.find(key, version);
    if (!total) {
      total = specialists.count(query.filter);
      totals_.keep(key, version, *total);
    }
  });
  if (query.available_on) return free_on(query, std::move(matches.items));
  DirectoryPage page;
  page.total = total.value_or(0);
  page.items = std::move(matches.items);
  if (matches.more && !page.items.empty()) page.next_after = page.items.back().user.id;
  return page;
}

DirectoryPage SpecialistDirectory::free_on(const DirectoryQuery& query,
                                           std::vector<ports::DirectoryEntry> matches) {
  auto is_free = [&](const ports::DirectoryEntry& entry) {
    auto computed = availability_.slots(
        entry.user.id, std::nullopt, {query.available_on, query.available_on, std::nullopt}, false);
    return std::any_of(computed.services.begin(), computed.services.end(),
                       [](const auto& service) { return !service.slots.empty(); });
  };
  // The page starts after the anchor (found among all matches, free or
  // not), else after the pages before it.
  std::size_t start = 0;
  if (query.after) {
    auto anchor = std::find_if(matches.begin(), matches.end(),
                               [&](const auto& e) { return e.user.id == *query.after; });
    start = anchor == matches.end() ? matches.size() : (anchor - matches.begin()) + 1;
  }
  auto skip = query.after ? 0 : static_cast<std::size_t>(query.page - 1) * query.page_size;
  DirectoryPage page;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (!is_free(matches[i])) continue;
    ++page.total;
    if (i < start) continue;
    if (skip > 0) {
      --skip;
    } else if (page.items.size() < static_cast<std::size_t>(query.page_size)) {
      page.items.push_back(std::move(matches[i]));
    } else if (!page.next_after) {
      page.next_after = page.items.back().user.id;
    }
  }
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
