#include "security/webhook_signature.hpp"

#include <charconv>
#include <optional>
#include <vector>

#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::security {
namespace {

std::string expected_signature(std::string_view secret, std::string_view payload,
                               std::string_view timestamp) {
  std::string signed_payload;
  signed_payload.reserve(timestamp.size() + 1 + payload.size());
  signed_payload.append(timestamp).append(".").append(payload);
  return hex_encode(hmac_sha256(secret, signed_payload));
}

// Digits only: no sign, no spaces, no "+1", and it fits in int64.
std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string stripe_signature_header(std::string_view secret, std::string_view payload,
                                    std::int64_t timestamp) {
  const auto t = std::to_string(timestamp);
  return "t=" + t + ",v1=" + expected_signature(secret, payload, t);
}

SignatureCheck check_stripe_signature(std::string_view header, std::string_view payload,
                                      std::string_view secret, std::int64_t now,
                                      std::int64_t tolerance_seconds) {
  if (header.empty()) return SignatureCheck::MissingHeader;
  std::optional<std::string_view> timestamp_text;
  std::vector<std::string_view> candidates;
  for (std::size_t start = 0; start <= header.size();) {
    auto comma = header.find(',', start);
    if (comma == std::string_view::npos) comma = header.size();
    const auto item = header.substr(start, comma - start);
    start = comma + 1;
    const auto equals = item.find('=');
    if (equals == std::string_view::npos) return SignatureCheck::Malformed;
    const auto key = item.substr(0, equals);
    const auto value = item.substr(equals + 1);
    if (key == "t") {
      if (timestamp_text) return SignatureCheck::Malformed;
      timestamp_text = value;
    } else if (key == "v1") {
      candidates.push_back(value);
    }
  }
  if (!timestamp_text) return SignatureCheck::Malformed;
  const auto timestamp = parse_timestamp(*timestamp_text);
  if (!timestamp) return SignatureCheck::Malformed;

  const auto expected = expected_signature(secret, payload, *timestamp_text);
  bool matched = false;
  for (auto candidate : candidates) matched |= constant_time_equal(candidate, expected);
  if (!matched) return SignatureCheck::NoMatchingSignature;

  // Unsigned differences are exact for any pair of int64 values.
  const auto a = static_cast<std::uint64_t>(now), b = static_cast<std::uint64_t>(*timestamp);
  const std::uint64_t age = now >= *timestamp ? a - b : b - a;
  if (tolerance_seconds < 0 || age > static_cast<std::uint64_t>(tolerance_seconds))
    return SignatureCheck::TimestampOutOfTolerance;
  return SignatureCheck::Valid;
}

std::string zoom_signature(std::string_view secret, std::string_view timestamp,
                           std::string_view body) {
  std::string message = "v0:";
  message.append(timestamp).append(":").append(body);
  return "v0=" + hex_encode(hmac_sha256(secret, message));
}

}  // namespace confer::security
