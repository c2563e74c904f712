#include "security/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "domain/utf8.hpp"

namespace confer::security {
namespace {

constexpr unsigned long long ops_limit = 2;
constexpr std::size_t mem_limit = 19 * 1024 * 1024;

}  // namespace

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops_limit, mem_limit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view phc_hash, std::string_view password) {
  if (phc_hash.empty() || phc_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string hash(phc_hash);  // must be NUL-terminated
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view phc_hash) {
  std::string hash(phc_hash);
  return crypto_pwhash_str_needs_rehash(hash.c_str(), ops_limit, mem_limit) != 0;
}

std::optional<std::string> check_password_rule(std::string_view password) {
  auto length = domain::utf8_length(password);
  if (!length) return "must be valid UTF-8 text";
  if (*length < 12) return "must be at least 12 characters";
  if (*length > 128) return "must be at most 128 characters";
  return std::nullopt;
}

}  // namespace confer::security
