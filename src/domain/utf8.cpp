#include "domain/utf8.hpp"

namespace confer::domain {

std::optional<std::size_t> utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t width = byte < 0x80           ? 1
                        : (byte >> 5) == 0x6  ? 2
                        : (byte >> 4) == 0xe  ? 3
                        : (byte >> 3) == 0x1e ? 4
                                              : 0;
    if (width == 0 || i + width > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < width; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return std::nullopt;
    i += width;
    ++count;
  }
  return count;
}

}  // namespace confer::domain
