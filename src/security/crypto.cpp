#include "security/crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <sodium.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include "security/encoding.hpp"

namespace confer::security {
namespace {

void ensure_sodium() {
  // sodium_init() is itself thread-safe; the static only saves repeated calls.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

const unsigned char* bytes_of(std::string_view text) {
  static constexpr unsigned char empty[1] = {0};
  return text.data() ? reinterpret_cast<const unsigned char*>(text.data()) : empty;
}

}  // namespace

void init_crypto() {
  ensure_sodium();
}

std::string sha256(std::string_view data) {
  std::string digest(32, '\0');
  unsigned int length = 0;
  if (EVP_Digest(bytes_of(data), data.size(), reinterpret_cast<unsigned char*>(digest.data()),
                 &length, EVP_sha256(), nullptr) != 1 ||
      length != digest.size())
    throw std::runtime_error("SHA-256 failed");
  return digest;
}

std::string sha256_hex(std::string_view data) {
  return hex_encode(sha256(data));
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  // libsodium's HMAC works on a stack state with no allocation or algorithm
  // lookup (OpenSSL 3's one-shot HMAC fetches both on every call), and every
  // signed-in request verifies one.
  ensure_sodium();
  crypto_auth_hmacsha256_state state;
  std::string mac(crypto_auth_hmacsha256_BYTES, '\0');
  if (crypto_auth_hmacsha256_init(&state, bytes_of(key), key.size()) != 0 ||
      crypto_auth_hmacsha256_update(&state, bytes_of(data), data.size()) != 0 ||
      crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(mac.data())) != 0)
    throw std::runtime_error("HMAC-SHA256 failed");
  sodium_memzero(&state, sizeof state);
  return mac;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(bytes_of(a), bytes_of(b), a.size()) == 0;
}

std::string random_bytes(std::size_t n) {
  ensure_sodium();
  std::string bytes(n, '\0');
  randombytes_buf(bytes.data(), n);
  return bytes;
}

std::string random_token(std::size_t bytes) {
  return base64url_encode(random_bytes(bytes));
}

// Fetched from the OS a few kilobytes at a time: a booking makes about seven
// ids and every request one, and one getrandom call each was measurable.
std::string random_bytes_for_ids(std::size_t n) {
  constexpr std::size_t pool_size = 4096;
  if (n > pool_size / 4) return random_bytes(n);
  thread_local std::string pool;
  thread_local std::size_t used = pool_size;
  if (pool.empty()) pool.resize(pool_size);
  if (used + n > pool_size) {
    ensure_sodium();
    randombytes_buf(pool.data(), pool_size);
    used = 0;
  }
  std::string out = pool.substr(used, n);
  sodium_memzero(pool.data() + used, n);  // each byte is handed out once
  used += n;
  return out;
}

std::string new_uuid() {
  auto bytes = random_bytes_for_ids(16);
  const auto unix_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  for (int i = 0; i < 6; ++i)  // 48-bit big-endian timestamp
    bytes[i] = static_cast<char>((static_cast<std::uint64_t>(unix_ms) >> (8 * (5 - i))) & 0xff);
  bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x70);  // version 7
  bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);  // variant 10xx
  const auto hex = hex_encode(bytes);
  std::string out;
  out.reserve(36);
  out.append(hex, 0, 8).append("-").append(hex, 8, 4).append("-").append(hex, 12, 4);
  out.append("-").append(hex, 16, 4).append("-").append(hex, 20, 12);
  return out;
}

}  // namespace confer::security
