#include "security/webhook_signature.hpp"

#include <charconv>
#include <cstdlib>
#include <vector>

#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::security {
namespace {

std::string signature(std::string_view secret, std::string_view payload, std::string_view t) {
  std::string signed_payload;
  signed_payload.reserve(t.size() + 1 + payload.size());
  signed_payload.append(t).append(".").append(payload);
  return hex_encode(hmac_sha256(secret, signed_payload));
}

}  // namespace

std::string stripe_signature_header(std::string_view secret, std::string_view payload,
                                    std::int64_t timestamp) {
  auto t = std::to_string(timestamp);
  return "t=" + t + ",v1=" + signature(secret, payload, t);
}

SignatureCheck check_stripe_signature(std::string_view header, std::string_view payload,
                                      std::string_view secret, std::int64_t now,
                                      std::int64_t tolerance_seconds) {
  if (header.empty()) return SignatureCheck::missing_header;
  std::string_view timestamp;
  std::vector<std::string_view> v1;
  while (!header.empty()) {
    auto comma = header.find(',');
    auto item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    auto equals = item.find('=');
    if (equals == std::string_view::npos) return SignatureCheck::malformed;
    auto key = item.substr(0, equals), value = item.substr(equals + 1);
    if (key == "t") timestamp = value;
    if (key == "v1") v1.push_back(value);
  }
  std::int64_t t = 0;
  auto [end, error] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), t);
  if (timestamp.empty() || error != std::errc{} || end != timestamp.data() + timestamp.size() ||
      v1.empty())
    return SignatureCheck::malformed;
  if (std::llabs(now - t) > tolerance_seconds) return SignatureCheck::too_old;
  const auto expected = signature(secret, payload, timestamp);
  for (auto candidate : v1)
    if (constant_time_equal(candidate, expected)) return SignatureCheck::valid;
  return SignatureCheck::no_matching_signature;
}

}  // namespace confer::security
