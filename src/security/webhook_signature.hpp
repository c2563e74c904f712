#pragma once
// Stripe's webhook signature scheme, which the sandbox provider uses too: header
// "t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]", where each v1 is hex HMAC-SHA256 of "<t>.<raw body>"
// under the endpoint secret. Any matching v1 is accepted (secrets can be rolled), and only within a
// tolerance around the timestamp, so captured events cannot be replayed later.
#include <cstdint>
#include <string>
#include <string_view>

namespace confer::security {

// "t=<timestamp>,v1=<hex>".
std::string stripe_signature_header(std::string_view secret, std::string_view payload,
                                    std::int64_t timestamp);

enum class SignatureCheck {
  Valid,
  MissingHeader,
  Malformed,            // no usable t=, duplicate t=, or an item without '='
  NoMatchingSignature,  // also when the header holds no v1 at all
  TimestampOutOfTolerance,
};

// The signature is checked before the timestamp; |now - t| > tolerance_seconds is refused.
SignatureCheck check_stripe_signature(std::string_view header, std::string_view payload,
                                      std::string_view secret, std::int64_t now,
                                      std::int64_t tolerance_seconds = 300);

// Zoom's webhook scheme: "v0=" + hex HMAC-SHA256(secret, "v0:" + timestamp
// + ":" + raw body), sent in x-zm-signature with x-zm-request-timestamp.
std::string zoom_signature(std::string_view secret, std::string_view timestamp,
                           std::string_view body);

}  // namespace confer::security
