#pragma once
// Byte-to-text encodings used by tokens and signatures.
#include <optional>
#include <string>
#include <string_view>

namespace confer::security {

std::string base64url_encode(std::string_view bytes);  // RFC 4648 §5, no padding
std::optional<std::string> base64url_decode(std::string_view text);
std::string hex_encode(std::string_view bytes);  // lower case

}  // namespace confer::security
