#pragma once
// Zoom's webhook events: the x-zm-signature check on the raw body (v0 HMAC,
// 300 s tolerance), Zoom's endpoint.url_validation challenge, and the meeting
// events applied once each, in the transaction that records them:
// meeting.started → session in progress, meeting.ended → completed,
// recording.completed → the recording on the booking and a job that mails
// the customer its link.
#include <optional>
#include <string>
#include <string_view>

#include "app/booking_service.hpp"
#include "app/clock.hpp"
#include "store/database.hpp"

namespace confer::app {

struct ZoomWebhookResult {
  std::optional<std::string> challenge_response;  // JSON for endpoint.url_validation
  bool applied = false;
};

class ZoomWebhooks {
 public:
  ZoomWebhooks(store::Database& database, const Clock& clock, BookingService& bookings,
               std::string secret)
      : database_(database), clock_(clock), bookings_(bookings), secret_(std::move(secret)) {}

  // Throws Error::unauthenticated for a missing, stale or wrong signature.
  ZoomWebhookResult handle(std::string_view body, std::string_view signature,
                           std::string_view timestamp);

 private:
  store::Database& database_;
  const Clock& clock_;
  BookingService& bookings_;
  std::string secret_;
};

}  // namespace confer::app
