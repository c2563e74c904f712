#pragma once
// Email addresses as accounts use them: normalized for comparison, and
// checked for a plausible shape (delivery is the real test).
#include <string>
#include <string_view>

namespace confer::domain {

// Trims surrounding white space and lower-cases the whole address.
std::string normalize_email(std::string_view email);
// One @, a local part of 1–64 characters, a dotted domain, no spaces,
// control characters or address-list punctuation, at most 254 characters.
bool is_plausible_email(std::string_view email);

}  // namespace confer::domain
