#include "app/manage_links.hpp"

#include <charconv>

#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::app {
namespace {

// Compares in time independent of where the first difference is.
bool same_bytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

ManageLinks::ManageLinks(std::string_view server_secret, std::string app_url)
    // A key of its own, so a manage token can never pass for anything else
    // signed with the server secret. v2 names the party: links of v1 (which
    // named none, and reached specialists too) no longer work.
    : key_(security::hmac_sha256(server_secret, "confer manage-booking links v2")),
      app_url_(std::move(app_url)) {}

std::string ManageLinks::token(const std::string& booking_id, Party party,
                               std::int64_t expires_at_ms) const {
  const auto claims = booking_id + (party == Party::customer ? ".c." : ".s.") +
                      std::to_string(expires_at_ms / 1000);
  return security::base64url_encode(claims) + "." +
         security::base64url_encode(security::hmac_sha256(key_, claims));
}

std::optional<ManageGrant> ManageLinks::verify(std::string_view token, std::int64_t now_ms) const {
  const auto dot = token.find('.');
  if (dot == std::string_view::npos || token.size() > 512) return std::nullopt;
  auto claims = security::base64url_decode(token.substr(0, dot));
  auto signature = security::base64url_decode(token.substr(dot + 1));
  if (!claims || !signature || !same_bytes(*signature, security::hmac_sha256(key_, *claims)))
    return std::nullopt;
  // "<booking>.<c|s>.<expiry>"
  const auto split = claims->rfind('.');
  if (split == std::string::npos || split < 2 || (*claims)[split - 2] != '.') return std::nullopt;
  const char party = (*claims)[split - 1];
  if (party != 'c' && party != 's') return std::nullopt;
  std::int64_t expires = 0;
  const auto* first = claims->data() + split + 1;
  const auto* last = claims->data() + claims->size();
  if (auto [end, error] = std::from_chars(first, last, expires);
      error != std::errc{} || end != last)
    return std::nullopt;
  if (now_ms / 1000 >= expires) return std::nullopt;
  return ManageGrant{claims->substr(0, split - 2),
                     party == 'c' ? Party::customer : Party::specialist};
}

std::string ManageLinks::url(const std::string& booking_id, Party party,
                             std::int64_t booking_end_ms) const {
  return app_url_ + "/manage/" + token(booking_id, party, booking_end_ms + valid_after_end_ms);
}

}  // namespace confer::app
