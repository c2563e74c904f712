#pragma once
// Stripe's webhook signature scheme, which the sandbox provider uses too:
// header "t=<unix>,v1=<hex>[,v1=<hex>…]", where each v1 is HMAC-SHA256 of
// "<t>.<raw body>" under the endpoint secret. Any matching v1 is accepted,
// within a tolerance on the timestamp (replays of old events are refused).
#include <cstdint>
#include <string>
#include <string_view>

namespace confer::security {

std::string stripe_signature_header(std::string_view secret, std::string_view payload,
                                    std::int64_t timestamp);

enum class SignatureCheck { valid, missing_header, malformed, no_matching_signature, too_old };

SignatureCheck check_stripe_signature(std::string_view header, std::string_view payload,
                                      std::string_view secret, std::int64_t now,
                                      std::int64_t tolerance_seconds = 300);

}  // namespace confer::security
