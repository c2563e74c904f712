#pragma once
// Manage-booking links: every email about a booking carries a link with a
// signed token that lets its reader see, cancel or reschedule that one
// booking without logging in. Each party gets a link of their own: the
// customer's acts as the customer (their refund rule), the specialist's as
// the specialist. The token names the booking, the party and an expiry and is
// signed with HMAC-SHA256 under a key derived from the server secret; it
// grants nothing else and stops working a week after the booking ends.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/booking.hpp"

namespace confer::app {

using domain::Party;

struct ManageGrant {
  std::string booking_id;
  Party party = Party::customer;
  bool operator==(const ManageGrant&) const = default;
};

class ManageLinks {
 public:
  ManageLinks(std::string_view server_secret, std::string app_url);

  std::string token(const std::string& booking_id, Party party, std::int64_t expires_at_ms) const;
  // The booking and party when the token is genuine and not expired at `now_ms`.
  std::optional<ManageGrant> verify(std::string_view token, std::int64_t now_ms) const;
  // The page of the web app that uses the token.
  std::string url(const std::string& booking_id, Party party, std::int64_t booking_end_ms) const;

  static constexpr std::int64_t valid_after_end_ms = 7 * 24 * 3'600'000LL;

 private:
  std::string key_;
  std::string app_url_;
};

}  // namespace confer::app
