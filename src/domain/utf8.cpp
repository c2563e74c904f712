#include "domain/utf8.hpp"

namespace confer::domain {

std::optional<std::size_t> utf8_length(std::string_view text) {
  // Strict RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t width;
    char32_t code;
    if (byte < 0x80) {
      width = 1, code = byte;
    } else if ((byte >> 5) == 0x6) {
      width = 2, code = byte & 0x1f;
    } else if ((byte >> 4) == 0xe) {
      width = 3, code = byte & 0x0f;
    } else if ((byte >> 3) == 0x1e) {
      width = 4, code = byte & 0x07;
    } else {
      return std::nullopt;
    }
    if (i + width > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < width; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return std::nullopt;
      code = (code << 6) | (next & 0x3f);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[width] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return std::nullopt;
    i += width;
    ++count;
  }
  return count;
}

}  // namespace confer::domain
