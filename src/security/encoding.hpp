#pragma once
// Byte-to-text encodings for tokens and signatures. Decoding is strict (one text, one meaning) so
// that a token cannot be altered into a second spelling that still verifies.
#include <optional>
#include <string>
#include <string_view>

namespace confer::security {

// RFC 4648 §5 URL-safe alphabet, without padding.
std::string base64url_encode(std::string_view bytes);
// nullopt on padding, characters outside the alphabet ('+', '/', '=', spaces, …), an impossible
// length (4k + 1), or non-zero unused bits in the last character.
std::optional<std::string> base64url_decode(std::string_view text);
// Lower-case hexadecimal, two digits per byte.
std::string hex_encode(std::string_view bytes);

}  // namespace confer::security
