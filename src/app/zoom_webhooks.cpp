#include "app/zoom_webhooks.hpp"

#include <charconv>

#include "app/booking_events.hpp"
#include "app/bookings/booking_sessions.hpp"
#include "app/errors.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"
#include "security/webhook_signature.hpp"

namespace confer::app {
namespace {

constexpr std::int64_t tolerance_seconds = 300;

bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

ZoomWebhookResult ZoomWebhooks::handle(std::string_view body, std::string_view signature,
                                       std::string_view timestamp) {
  std::int64_t sent_at = 0;
  const auto [end, error] =
      std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), sent_at);
  const auto now = clock_.now_ms();
  if (secret_.empty() || timestamp.empty() || error != std::errc{} ||
      end != timestamp.data() + timestamp.size() ||
      std::abs(now / 1000 - sent_at) > tolerance_seconds ||
      !same(signature, security::zoom_signature(secret_, timestamp, body)))
    throw Error::unauthenticated("The Zoom signature is missing, stale or wrong.");

  const auto event = read_event_(body);
  ZoomWebhookResult result;
  if (event.type == ZoomEventType::url_validation) {
    result.challenge = ZoomChallenge{
        event.plain_token, security::hex_encode(security::hmac_sha256(secret_, event.plain_token))};
    return result;
  }
  result.applied = apply(event, now);
  return result;
}

bool ZoomWebhooks::apply(const ZoomEvent& event, std::int64_t now) {
  bool applied = false;
  work_.write([&](ports::Transaction& tx) {
    if (!tx.payments().record_event("zoom", event.key, event.type_name, now)) return;
    auto& meetings = tx.meetings();
    auto meeting = meetings.by_meeting("zoom", event.meeting_id);
    if (!meeting) return;  // not a meeting of ours
    if (event.type == ZoomEventType::meeting_started) {
      applied = BookingSessions::meeting_started(tx, meeting->booking_id, now);
    } else if (event.type == ZoomEventType::meeting_ended) {
      applied = BookingSessions::meeting_ended(tx, meeting->booking_id, now);
    } else if (event.type == ZoomEventType::recording_completed) {
      meeting->recording_id = event.recording.id;
      meeting->recording_url = event.recording.url;
      if (event.recording.duration_minutes)
        meeting->recording_duration_minutes = *event.recording.duration_minutes;
      // Cloud recordings are kept 30 days unless the account says otherwise.
      meeting->recording_expires_at = now + 30LL * 24 * 3'600'000;
      meeting->recording_is_public = false;
      meeting->updated_at = now;
      meetings.save_recording(*meeting);
      JobRecord job;
      job.id = security::new_uuid();
      job.kind = job_kind::recording;
      job.booking_id = meeting->booking_id;
      job.run_at = now;
      job.created_at = now;
      tx.outbox().enqueue({job});
      applied = true;
    }
  });
  return applied;
}

}  // namespace confer::app
