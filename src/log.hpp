#pragma once
// Structured logs: one JSON object per line on stderr. Callers pass fields as
// a JSON object; nothing secret (tokens, passwords, bodies) belongs in them.
#include <boost/json/object.hpp>
#include <string_view>

namespace confer::log {

enum class Level { debug, info, warn, error };

// Reads "debug", "info", "warn" or "error"; anything else means info.
void setup(std::string_view level);
void write(Level level, std::string_view message, const boost::json::object& fields = {});

inline void debug(std::string_view m, const boost::json::object& f = {}) {
  write(Level::debug, m, f);
}
inline void info(std::string_view m, const boost::json::object& f = {}) {
  write(Level::info, m, f);
}
inline void warn(std::string_view m, const boost::json::object& f = {}) {
  write(Level::warn, m, f);
}
inline void error(std::string_view m, const boost::json::object& f = {}) {
  write(Level::error, m, f);
}

}  // namespace confer::log
