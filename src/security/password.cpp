#include "security/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "domain/utf8.hpp"
#include "security/crypto.hpp"

namespace confer::security {
namespace {

constexpr unsigned long long ops_limit = 2;
constexpr std::size_t mem_limit = 19 * 1024 * 1024;
constexpr std::size_t min_characters = 12;
constexpr std::size_t max_characters = 128;

// libsodium reads the hash as a C string: an embedded NUL would hide trailing bytes.
bool plausible_hash(std::string_view phc_hash) {
  return !phc_hash.empty() && phc_hash.size() < crypto_pwhash_STRBYTES &&
         phc_hash.find('\0') == std::string_view::npos;
}

}  // namespace

std::string hash_password(std::string_view password) {
  init_crypto();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops_limit, mem_limit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view phc_hash, std::string_view password) {
  try {
    if (!plausible_hash(phc_hash)) return false;
    init_crypto();
    const std::string hash(phc_hash);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  } catch (...) {
    return false;
  }
}

bool password_needs_rehash(std::string_view phc_hash) {
  if (!plausible_hash(phc_hash)) return true;
  const std::string hash(phc_hash);
  // The argon2id-specific check also reports argon2i hashes as needing a rehash.
  return crypto_pwhash_argon2id_str_needs_rehash(hash.c_str(), ops_limit, mem_limit) != 0;
}

std::optional<std::string> check_password_rule(std::string_view password) {
  const auto length = domain::utf8_length(password);
  if (!length) return "must be valid UTF-8 text";
  if (*length < min_characters) return "must be at least 12 characters";
  if (*length > max_characters) return "must be at most 128 characters";
  return std::nullopt;
}

}  // namespace confer::security
