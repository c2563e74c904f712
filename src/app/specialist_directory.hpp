#pragma once
// The marketplace: finding specialists by text, specialty, language, price
// and "free on this date", and one specialist's public page.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/availability_service.hpp"
#include "app/ports/catalog_ports.hpp"

namespace confer::app {

enum class DirectoryOrder {
  name,     // by name (keyset or offset pages)
  soonest,  // by the next bookable slot, those without one last (offset pages)
};

struct DirectoryQuery {
  ports::DirectoryFilter filter;
  DirectoryOrder order = DirectoryOrder::name;
  std::optional<domain::LocalDay> available_on;  // in each specialist's own zone
  std::optional<std::string> after;              // the last specialist seen (keyset)
  int page = 1;                                  // when `after` is not given
  int page_size = 20;
};

struct DirectoryPage {
  std::vector<ports::DirectoryEntry> items;
  std::int64_t total = 0;
  std::optional<std::string> next_after;  // when more follow: the `after` of the next page
};

// Exact totals of past searches, good while the directory's version stays:
// counting every match is the costly part of a page, and the directory
// changes seldom (profiles and services, not bookings).
class DirectoryTotals {
 public:
  std::optional<std::int64_t> find(const std::string& key, std::int64_t version);
  void keep(const std::string& key, std::int64_t version, std::int64_t total);

 private:
  static constexpr std::size_t max_entries = 10'000;  // then it starts afresh
  std::mutex mutex_;
  std::int64_t version_ = -1;
  std::unordered_map<std::string, std::int64_t> totals_;
};

class SpecialistDirectory {
 public:
  SpecialistDirectory(ports::CatalogUnitOfWork& store, AvailabilityService& availability,
                      const Clock& clock)
      : store_(store), availability_(availability), clock_(clock) {}

  DirectoryPage search(const DirectoryQuery& query);
  ports::DirectoryEntry get(const std::string& specialist_id);

 private:
  // The filter for "free on `day`" now: the index, and the slot engine's
  // word for the specialists the index is unsure of.
  ports::DirectoryFilter::FreeOn free_on(domain::LocalDay day);
  // Sets each entry's next bookable slot: the index's (`known`, one per
  // entry), or the slot engine's where the index is unsure.
  void add_next_available(std::vector<ports::DirectoryEntry>& entries,
                          const std::vector<ports::NextFree>& known, std::int64_t now);

  ports::CatalogUnitOfWork& store_;
  AvailabilityService& availability_;
  const Clock& clock_;
  DirectoryTotals totals_;
};

}  // namespace confer::app
