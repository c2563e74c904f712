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

struct DirectoryQuery {
  ports::DirectoryFilter filter;
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
  SpecialistDirectory(ports::CatalogUnitOfWork& store, AvailabilityService& availability)
      : store_(store), availability_(availability) {}

  DirectoryPage search(const DirectoryQuery& query);
  ports::DirectoryEntry get(const std::string& specialist_id);

 private:
  // The page of `matches` free on query.available_on.
  DirectoryPage free_on(const DirectoryQuery& query, std::vector<ports::DirectoryEntry> matches);

  ports::CatalogUnitOfWork& store_;
  AvailabilityService& availability_;
  DirectoryTotals totals_;
};

}  // namespace confer::app
