#pragma once
// Lengths as people count them: Unicode code points of UTF-8 text.
#include <cstddef>
#include <optional>
#include <string_view>

namespace confer::domain {

// Number of code points, or nullopt when the text is not valid UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);

}  // namespace confer::domain
