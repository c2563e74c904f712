#include "integrations/video/zoom_events.hpp"

#include <boost/json.hpp>

#include "app/errors.hpp"

namespace confer::integrations {
namespace {

using app::ZoomEventType;

const boost::json::object* object_at(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

// Zoom writes some ids as numbers: they read as their decimal text.
std::string text_at(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (!v) return {};
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  if (v->is_uint64()) return std::to_string(v->as_uint64());
  return {};
}

ZoomEventType type_of(std::string_view name) {
  if (name == "endpoint.url_validation") return ZoomEventType::url_validation;
  if (name == "meeting.started") return ZoomEventType::meeting_started;
  if (name == "meeting.ended") return ZoomEventType::meeting_ended;
  if (name == "recording.completed") return ZoomEventType::recording_completed;
  return ZoomEventType::other;
}

// The MP4 among the recording's files (the last one, if several) names the
// recording and links to it when the meeting has no share link.
app::ZoomRecording recording_of(const boost::json::object& object) {
  const boost::json::object* file = nullptr;
  if (auto* files = object.if_contains("recording_files"); files && files->is_array())
    for (const auto& f : files->as_array())
      if (f.is_object() && text_at(f.as_object(), "file_type") == "MP4") file = &f.as_object();
  app::ZoomRecording recording;
  recording.id = file ? text_at(*file, "id") : text_at(object, "uuid");
  recording.url = text_at(object, "share_url").empty() && file ? text_at(*file, "play_url")
                                                               : text_at(object, "share_url");
  if (auto* duration = object.if_contains("duration"); duration && duration->is_int64())
    recording.duration_minutes = duration->as_int64();
  return recording;
}

}  // namespace

app::ZoomEvent parse_zoom_event(std::string_view body) {
  boost::system::error_code parse_error;
  auto json = boost::json::parse(body, parse_error);
  if (parse_error || !json.is_object()) throw app::Error::bad_request("The event is not JSON.");
  const auto& event = json.as_object();
  app::ZoomEvent parsed;
  parsed.type_name = text_at(event, "event");
  const auto* payload = object_at(event, "payload");
  if (parsed.type_name.empty() || !payload)
    throw app::Error::bad_request("The event lacks event or payload.");
  parsed.type = type_of(parsed.type_name);

  if (parsed.type == ZoomEventType::url_validation) {
    parsed.plain_token = text_at(*payload, "plainToken");
    if (parsed.plain_token.empty())
      throw app::Error::bad_request("The challenge lacks plainToken.");
    return parsed;
  }
  const auto* object = object_at(*payload, "object");
  if (!object) throw app::Error::bad_request("The event lacks payload.object.");
  parsed.meeting_id = text_at(*object, "id");
  // Zoom sends no event id: the event, the meeting instance and the time name it.
  parsed.key = parsed.type_name + ":" + text_at(*object, "uuid") + ":" + parsed.meeting_id + ":" +
               text_at(event, "event_ts");
  if (parsed.type == ZoomEventType::recording_completed) parsed.recording = recording_of(*object);
  return parsed;
}

}  // namespace confer::integrations
