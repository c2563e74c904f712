#pragma once
// Whether a name is a zone of the IANA database the server runs with.
#include <string>

namespace confer::app {

bool is_known_time_zone(const std::string& name);

}  // namespace confer::app
