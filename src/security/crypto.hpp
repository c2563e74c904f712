#pragma once
// Hashes, MACs, randomness and ids, over libsodium and OpenSSL.
#include <cstddef>
#include <string>
#include <string_view>

namespace confer::security {

void init_crypto();  // sodium_init(); throws std::runtime_error on failure; idempotent
std::string sha256(std::string_view data);  // 32 raw bytes
std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);  // 32 raw bytes
bool constant_time_equal(std::string_view a, std::string_view b);
std::string random_bytes(std::size_t n);
std::string random_token(std::size_t bytes = 32);  // base64url; 256 bits by default
std::string new_uuid();                            // RFC 9562 version 4, lower case

}  // namespace confer::security
