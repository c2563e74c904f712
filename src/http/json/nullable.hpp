#pragma once
// An optional field in a response is null, never left out: clients can tell
// "none" from "not sent".
#include <boost/json/value.hpp>
#include <optional>

namespace confer::http::json {

template <typename T>
boost::json::value or_null(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace confer::http::json
