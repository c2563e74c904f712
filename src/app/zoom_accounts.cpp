#include "app/zoom_accounts.hpp"

#include <charconv>

#include "app/clash.hpp"
#include "app/errors.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"

namespace confer::app {
namespace {

constexpr std::int64_t state_lifetime_s = 600;
constexpr std::int64_t early_refresh_ms = 60'000;

std::string url_encode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string ZoomAccounts::sign_state(const std::string& user_id, std::int64_t expires_s) const {
  const auto claims = user_id + "." + std::to_string(expires_s);
  return security::base64url_encode(claims) + "." +
         security::base64url_encode(
             security::hmac_sha256(settings_.state_secret, "zoom-oauth-state:" + claims));
}

std::string ZoomAccounts::authorize_url(const std::string& user_id) const {
  if (settings_.client_id.empty() || settings_.redirect_uri.empty())
    throw Error(ErrorKind::unavailable, "Zoom is not set up on this server.");
  const auto state = sign_state(user_id, clock_.now_seconds() + state_lifetime_s);
  return settings_.authorize_base +
         "/oauth/authorize?response_type=code&client_id=" + url_encode(settings_.client_id) +
         "&redirect_uri=" + url_encode(settings_.redirect_uri) + "&state=" + url_encode(state);
}

std::string ZoomAccounts::connect(const std::string& code, const std::string& state) {
  // The state names the user and expires; only we can have signed it.
  const auto dot = state.find('.');
  auto claims =
      dot == std::string::npos ? std::nullopt : security::base64url_decode(state.substr(0, dot));
  const auto split = claims ? claims->rfind('.') : std::string::npos;
  std::int64_t expires = 0;
  if (!claims || split == std::string::npos ||
      std::from_chars(claims->data() + split + 1, claims->data() + claims->size(), expires).ec !=
          std::errc{} ||
      state != sign_state(claims->substr(0, split), expires) || clock_.now_seconds() >= expires)
    throw Error::bad_request("This Zoom authorization has expired or was not started here.");
  if (code.empty() || code.size() > 2048) throw Error::invalid_field("code", "is required");
  const auto user_id = claims->substr(0, split);
  store(user_id, oauth_.exchange_code(code));
  return user_id;
}

void ZoomAccounts::store(const std::string& user_id, const OAuthTokens& tokens) {
  const auto now = clock_.now_ms();
  clash_is_conflict([&] {
    tokens_.put(user_id,
                {box_.seal(tokens.access_token), box_.seal(tokens.refresh_token),
                 now + tokens.expires_in_seconds * 1000},
                now);
  });
}

bool ZoomAccounts::connected(const std::string& user_id) {
  return tokens_.exists(user_id);
}

void ZoomAccounts::disconnect(const std::string& user_id) {
  tokens_.remove(user_id);
}

std::optional<ZoomAccounts::Stored> ZoomAccounts::read(const std::string& user_id) {
  auto sealed = tokens_.find(user_id);
  if (!sealed) return std::nullopt;
  auto access = box_.open(sealed->access_token);
  auto refresh = box_.open(sealed->refresh_token);
  if (!access || !refresh) throw std::runtime_error("stored Zoom tokens do not open");
  return Stored{*access, *refresh, sealed->expires_at};
}

std::optional<std::string> ZoomAccounts::access_token(const std::string& user_id) {
  auto stored = read(user_id);
  if (!stored) return std::nullopt;
  if (clock_.now_ms() < stored->expires_at - early_refresh_ms) return stored->access_token;
  OAuthTokens renewed;
  try {
    renewed = oauth_.refresh(stored->refresh_token);
  } catch (...) {
    // Zoom hands out a new refresh token with every refresh and the old one
    // stops working: another process (or thread) that refreshed first has
    // spent ours and stored its own. Use that; otherwise the failure stands.
    auto now_stored = read(user_id);
    if (now_stored && now_stored->refresh_token != stored->refresh_token &&
        clock_.now_ms() < now_stored->expires_at - early_refresh_ms)
      return now_stored->access_token;
    throw;
  }
  store(user_id, renewed);
  return renewed.access_token;
}

}  // namespace confer::app
