#include "app/time_zones.hpp"

#include <date/tz.h>

namespace confer::app {

bool is_known_time_zone(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  try {
    return date::locate_zone(name) != nullptr;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace confer::app
