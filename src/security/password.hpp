#pragma once
// Passwords: argon2id at OWASP's parameters (m = 19 MiB, t = 2, p = 1), stored as a PHC string,
// and the length rule of 12 to 128 characters, counted as people count them (code points).
#include <optional>
#include <string>
#include <string_view>

namespace confer::security {

// The PHC string ("$argon2id$v=19$m=19456,t=2,p=1$…"); throws std::runtime_error when out of
// memory.
std::string hash_password(std::string_view password);
// false for a wrong password and for any malformed or unsupported hash; never throws.
bool verify_password(std::string_view phc_hash, std::string_view password);
// true when the hash is malformed, not argon2id, or made with other parameters than the current
// ones: re-hash the password after the next successful login.
bool password_needs_rehash(std::string_view phc_hash);
// nullopt when the password is acceptable, else what is wrong with it ("must be at least 12
// characters"). Invalid UTF-8 is refused.
std::optional<std::string> check_password_rule(std::string_view password);

}  // namespace confer::security
