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
  const auto now = clock_.now_ms();
  ports::DirectoryWindow window{query.after,
                                static_cast<std::int64_t>(query.page - 1) * query.page_size,
                                query.page_size, std::nullopt};
  if (query.order == DirectoryOrder::soonest) {
    if (query.after)
      throw Error::invalid_field("after", "works with the order by name; page through by page");
    window.soonest_at = now;
  }
  auto filter = query.filter;
  if (query.available_on) filter.free_on = free_on(*query.available_on);
  ports::DirectoryMatches matches;
  std::vector<ports::NextFree> known_next;  // of the page's entries, in the same read
  std::optional<std::int64_t> total;
  store_.read([&](ports::CatalogTransaction& transaction) {
    auto& specialists = transaction.specialists();
    if (query.after && !specialists.listed(*query.after))
      throw Error::invalid_field("after", "must be the id of a specialist from the list");
    matches = specialists.search(filter, window);
    std::vector<std::string> ids;
    for (const auto& entry : matches.items) ids.push_back(entry.user.id);
    known_next = transaction.free_days().next_free(ids, now);
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
  add_next_available(page.items, known_next, now);
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

void SpecialistDirectory::add_next_available(std::vector<ports::DirectoryEntry>& entries,
                                             const std::vector<ports::NextFree>& known,
                                             std::int64_t now) {
  // The engine looks as far as one slot list goes (its horizon may be longer).
  const auto utc_today = date::floor<date::days>(domain::from_unix_ms(now));
  const domain::LocalDay from{(utc_today - date::days{1}).time_since_epoch()};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (known[i].known) {
      entries[i].next_available_at = known[i].next_at;
      continue;
    }
    auto computed =
        availability_.slots(entries[i].user.id, std::nullopt,
                            {from, from + date::days{max_slot_range_days}, std::nullopt}, false);
    for (const auto& service : computed.services)
      if (!service.slots.empty()) {
        const auto start = domain::to_unix_ms(service.slots.front().start);
        entries[i].next_available_at =
            std::min(entries[i].next_available_at.value_or(start), start);
      }
  }
}

ports::DirectoryEntry SpecialistDirectory::get(const std::string& specialist_id) {
  std::optional<ports::DirectoryEntry> entry;
  store_.read([&](ports::CatalogTransaction& transaction) {
    auto& specialists = transaction.specialists();
    auto user = specialists.user(specialist_id);
    if (!user || user->role != "specialist") return;
    auto profile = specialists.profile(specialist_id);
    if (!profile) return;
    entry = ports::DirectoryEntry{*user, *profile, std::nullopt, "", 0, std::nullopt};
  });
  if (!entry) throw Error::not_found("The specialist");
  return *entry;
}

}  // namespace confer::app
