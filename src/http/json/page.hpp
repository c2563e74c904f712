#pragma once
// A page of a list: its items, where it is, how many there are in all, and
// the keyset of the next page (null on the last).
#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "http/json/nullable.hpp"

namespace confer::http::json {

inline boost::json::object page(boost::json::array items, int number, int size, std::int64_t total,
                                const std::optional<std::string>& next_after) {
  return {{"items", std::move(items)},
          {"page", number},
          {"pageSize", size},
          {"total", total},
          {"nextAfter", or_null(next_after)}};
}

}  // namespace confer::http::json
