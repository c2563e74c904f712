#pragma once
// The marketplace: finding specialists by text, specialty, language, price
// and "free on this date", and one specialist's public page.
#include <optional>
#include <string>
#include <vector>

#include "app/availability_service.hpp"
#include "app/ports/catalog_ports.hpp"

namespace confer::app {

struct DirectoryQuery {
  ports::DirectoryFilter filter;
  std::optional<domain::LocalDay> available_on;  // in each specialist's own zone
  int page = 1;
  int page_size = 20;
};

struct DirectoryPage {
  std::vector<ports::DirectoryEntry> items;
  int total = 0;
};

class SpecialistDirectory {
 public:
  SpecialistDirectory(ports::CatalogUnitOfWork& store, AvailabilityService& availability)
      : store_(store), availability_(availability) {}

  DirectoryPage search(const DirectoryQuery& query);
  ports::DirectoryEntry get(const std::string& specialist_id);

 private:
  ports::CatalogUnitOfWork& store_;
  AvailabilityService& availability_;
};

}  // namespace confer::app
