#pragma once
// Hashes, MACs, randomness and ids, over libsodium and OpenSSL. Call init_crypto() once at
// start-up so a broken libsodium stops the process early; the other functions also initialise
// libsodium on first use, so tests and tools that forget it still get correct randomness.
#include <cstddef>
#include <string>
#include <string_view>

namespace confer::security {

// sodium_init(); throws std::runtime_error on failure. Thread-safe and idempotent.
void init_crypto();
std::string sha256(std::string_view data);  // 32 raw bytes
std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);  // 32 raw bytes
// false when the lengths differ; otherwise takes time independent of where the bytes differ.
bool constant_time_equal(std::string_view a, std::string_view b);
std::string random_bytes(std::size_t n);           // from the OS CSPRNG via libsodium
std::string random_token(std::size_t bytes = 32);  // base64url of random bytes; 256 bits by default
// Random bytes for identifiers that are not secrets (request and row ids): the same CSPRNG,
// served from a per-thread pool instead of one system call each. Never for keys or tokens.
std::string random_bytes_for_ids(std::size_t n);
// RFC 9562 version 7, lower-case 8-4-4-4-12: the Unix time in milliseconds, then 74 random
// bits. Ids made one after the other sort close together, so a new row's primary-key entry
// lands on the index page the previous one dirtied instead of on a random page; ids are row
// identifiers, never secrets (tokens come from random_token).
std::string new_uuid();

}  // namespace confer::security
