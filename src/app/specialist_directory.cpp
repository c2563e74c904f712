#include "app/specialist_directory.hpp"

#include <algorithm>

#include "app/errors.hpp"

namespace confer::app {
namespace {

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
  auto filter = query.filter;
  if (query.available_on) filter.free_on = free_on(*query.available_on);
  ports::DirectoryMatches matches;
  std::optional<std::int64_t> total;
  store_.read([&](ports::CatalogTransaction& transaction) {
    auto& specialists = transaction.specialists();
    if (query.after && !specialists.listed(*query.after))
      throw Error::invalid_field("after", "must be the id of a specialist from the list");
    matches = specialists.search(filter, window);
    if (window.offset == 0 && !window.after_id && !matches.more) {
      total = static_cast<std::int64_t>(matches.items.size());  // all on this page
      return;
    }
    // Who is free changes with every booking and minute: counted each time.
    if (filter.free_on) {
      total = specialists.count(filter);
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
  DirectoryPage page;
  page.total = total.value_or(0);
  page.items = std::move(matches.items);
  if (matches.more && !page.items.empty()) page.next_after = page.items.back().user.id;
  return page;
}

ports::DirectoryFilter::FreeOn SpecialistDirectory::free_on(domain::LocalDay day) {
  ports::DirectoryFilter::FreeOn free_on{domain::format_local_date(day), clock_.now_ms(), {}, {}};
  store_.read([&](ports::CatalogTransaction& transaction) {
    free_on.unsure = transaction.free_days().unsure_on(free_on.day, free_on.now);
  });
  // Seldom more than the few specialists changed in the last moment: the
  // slot engine answers for them.
  for (const auto& specialist_id : free_on.unsure) {
    auto computed =
        availability_.slots(specialist_id, std::nullopt, {day, day, std::nullopt}, false);
    if (std::any_of(computed.services.begin(), computed.services.end(),
                    [](const auto& service) { return !service.slots.empty(); }))
      free_on.free.push_back(specialist_id);
  }
  return free_on;
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
