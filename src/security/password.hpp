#pragma once
// Passwords: argon2id at OWASP's parameters (m = 19 MiB, t = 2, p = 1) in PHC
// string form, and the length rule (12–128 Unicode characters).
#include <optional>
#include <string>
#include <string_view>

namespace confer::security {

std::string hash_password(std::string_view password);
bool verify_password(std::string_view phc_hash, std::string_view password);
bool password_needs_rehash(std::string_view phc_hash);
// nullopt when the password is acceptable, else what is wrong with it.
std::optional<std::string> check_password_rule(std::string_view password);

}  // namespace confer::security
