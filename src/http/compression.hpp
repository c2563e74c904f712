#pragma once
// Content codings (RFC 9110 §8.4): which one a client accepts, which answers
// are worth compressing, and the compressors (zlib's gzip, Google's brotli).
#include <string>
#include <string_view>

namespace confer::http {

enum class ContentCoding { identity, gzip, br };

// The coding to answer with for an Accept-Encoding field: the acceptable one
// the client weighs highest, brotli before gzip when weighed alike; identity
// when neither is acceptable (q=0, or not named and no "*") or the field is
// absent. Never throws: a malformed element is skipped.
ContentCoding preferred_coding(std::string_view accept_encoding);

// "gzip", "br" (the Content-Encoding value); empty for identity.
std::string_view coding_name(ContentCoding coding);

// Text-like bodies of at least 1 KB: below that a compressed answer saves less
// than a packet, and images and fonts are compressed already.
bool worth_compressing(std::string_view content_type, std::size_t size);

// `data` in `coding`, at the levels chosen for answers made per request (fast,
// most of the gain; see bench/compression_bench.cpp). identity returns a copy.
std::string compress(std::string_view data, ContentCoding coding);

std::string gzip_compress(std::string_view data, int level);
std::string brotli_compress(std::string_view data, int quality);

}  // namespace confer::http
