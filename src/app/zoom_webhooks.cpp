#include "app/zoom_webhooks.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "app/booking_events.hpp"
#include "app/errors.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"
#include "security/webhook_signature.hpp"
#include "store/job_repo.hpp"
#include "store/meeting_repo.hpp"
#include "store/payment_repo.hpp"

namespace confer::app {
namespace {

constexpr std::int64_t tolerance_seconds = 300;

const boost::json::object* object_at(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

std::string text_at(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (!v) return {};
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  if (v->is_uint64()) return std::to_string(v->as_uint64());
  return {};
}

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

  boost::system::error_code parse_error;
  auto json = boost::json::parse(body, parse_error);
  if (parse_error || !json.is_object()) throw Error::bad_request("The event is not JSON.");
  const auto& event = json.as_object();
  const auto type = text_at(event, "event");
  const auto* payload = object_at(event, "payload");
  if (type.empty() || !payload) throw Error::bad_request("The event lacks event or payload.");

  ZoomWebhookResult result;
  if (type == "endpoint.url_validation") {
    const auto plain = text_at(*payload, "plainToken");
    if (plain.empty()) throw Error::bad_request("The challenge lacks plainToken.");
    result.challenge_response = boost::json::serialize(boost::json::object{
        {"plainToken", plain},
        {"encryptedToken", security::hex_encode(security::hmac_sha256(secret_, plain))}});
    return result;
  }
  const auto* object = object_at(*payload, "object");
  if (!object) throw Error::bad_request("The event lacks payload.object.");
  const auto meeting_id = text_at(*object, "id");
  // Zoom sends no event id: the event, the meeting instance and the time name it.
  const auto event_key =
      type + ":" + text_at(*object, "uuid") + ":" + meeting_id + ":" + text_at(event, "event_ts");

  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    if (!store::PaymentRepo(session).record_event("zoom", event_key, type, now)) return;
    store::MeetingRepo meetings(session);
    auto meeting = meetings.by_meeting("zoom", meeting_id);
    if (!meeting) return;  // not a meeting of ours
    if (type == "meeting.started") {
      result.applied = bookings_.meeting_started(session, meeting->booking_id, now);
    } else if (type == "meeting.ended") {
      result.applied = bookings_.meeting_ended(session, meeting->booking_id, now);
    } else if (type == "recording.completed") {
      const boost::json::object* file = nullptr;
      if (auto* files = object->if_contains("recording_files"); files && files->is_array())
        for (const auto& f : files->as_array())
          if (f.is_object() && text_at(f.as_object(), "file_type") == "MP4") file = &f.as_object();
      meeting->recording_id = file ? text_at(*file, "id") : text_at(*object, "uuid");
      meeting->recording_url = text_at(*object, "share_url").empty() && file
                                   ? text_at(*file, "play_url")
                                   : text_at(*object, "share_url");
      if (auto* duration = object->if_contains("duration"); duration && duration->is_int64())
        meeting->recording_duration_minutes = duration->as_int64();
      // Cloud recordings are kept 30 days unless the account says otherwise.
      meeting->recording_expires_at = now + 30LL * 24 * 3'600'000;
      meeting->recording_is_public = false;
      meeting->updated_at = now;
      meetings.save_recording(*meeting);
      store::JobRecord job;
      job.id = security::new_uuid();
      job.kind = job_kind::recording;
      job.booking_id = meeting->booking_id;
      job.run_at = now;
      job.created_at = now;
      store::JobRepo(session).enqueue({job});
      result.applied = true;
    }
  });
  return result;
}

}  // namespace confer::app
