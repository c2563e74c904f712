#pragma once
// Manage-booking links: every email about a booking carries a link with a
// signed token that lets its customer see, cancel or reschedule that one
// booking without logging in. The token names the booking and an expiry and
// is signed with HMAC-SHA256 under a key derived from the server secret; it
// grants nothing else and stops working a week after the booking ends.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace confer::app {

class ManageLinks {
 public:
  ManageLinks(std::string_view server_secret, std::string app_url);

  std::string token(const std::string& booking_id, std::int64_t expires_at_ms) const;
  // The booking id when the token is genuine and not expired at `now_ms`.
  std::optional<std::string> verify(std::string_view token, std::int64_t now_ms) const;
  // The page of the web app that uses the token.
  std::string url(const std::string& booking_id, std::int64_t booking_end_ms) const;

  static constexpr std::int64_t valid_after_end_ms = 7 * 24 * 3'600'000LL;

 private:
  std::string key_;
  std::string app_url_;
};

}  // namespace confer::app
