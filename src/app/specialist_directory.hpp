#pragma once
// The marketplace: finding specialists by text, specialty, language, price
// and "free on this date", and one specialist's public page.
#include <optional>
#include <string>
#include <vector>

#include "app/availability_service.hpp"
#include "store/directory_repo.hpp"

namespace confer::app {

struct DirectoryQuery {
  store::DirectoryFilter filter;
  std::optional<domain::LocalDay> available_on;  // in each specialist's own zone
  int page = 1;
  int page_size = 20;
};

struct DirectoryPage {
  std::vector<store::DirectoryEntry> items;
  int total = 0;
};

class SpecialistDirectory {
 public:
  SpecialistDirectory(store::Database& database, AvailabilityService& availability)
      : database_(database), availability_(availability) {}

  DirectoryPage search(const DirectoryQuery& query);
  store::DirectoryEntry get(const std::string& specialist_id);

 private:
  store::Database& database_;
  AvailabilityService& availability_;
};

}  // namespace confer::app
