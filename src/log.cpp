#include "log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json/serialize.hpp>

namespace confer::log {

void setup(std::string_view level) {
  auto logger = spdlog::stderr_logger_mt("confer");
  // The message (%v) is the rest of a JSON object built by write().
  logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})",
                      spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);
  auto parsed = level == "debug"   ? spdlog::level::debug
                : level == "warn"  ? spdlog::level::warn
                : level == "error" ? spdlog::level::err
                                   : spdlog::level::info;
  spdlog::set_level(parsed);
  spdlog::flush_on(spdlog::level::info);
}

void write(Level level, std::string_view message, const boost::json::object& fields) {
  auto spd_level = level == Level::debug   ? spdlog::level::debug
                   : level == Level::warn  ? spdlog::level::warn
                   : level == Level::error ? spdlog::level::err
                                           : spdlog::level::info;
  if (!spdlog::default_logger_raw()->should_log(spd_level)) return;
  std::string line = "\"msg\":" + boost::json::serialize(boost::json::string(message));
  if (!fields.empty()) {
    auto rest = boost::json::serialize(fields);  // "{...}"
    line += ',';
    line.append(rest, 1, rest.size() - 2);
  }
  spdlog::default_logger_raw()->log(spd_level, "{}", line);
}

}  // namespace confer::log
