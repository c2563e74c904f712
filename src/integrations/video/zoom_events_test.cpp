#include "integrations/video/zoom_events.hpp"

#include <gtest/gtest.h>

#include "app/errors.hpp"
#include "app/testing/errors.hpp"

namespace confer::integrations {
namespace {

using app::ZoomEventType;

TEST(ZoomEvents, AValidationChallengeCarriesThePlainToken) {
  auto event = parse_zoom_event(
      R"({"event":"endpoint.url_validation","payload":{"plainToken":"abc"},"event_ts":1})");
  EXPECT_EQ(event.type, ZoomEventType::url_validation);
  EXPECT_EQ(event.plain_token, "abc");
}

TEST(ZoomEvents, AMeetingEventIsNamedByTypeInstanceMeetingAndTime) {
  auto event = parse_zoom_event(
      R"({"event":"meeting.started","event_ts":1800000000000,)"
      R"("payload":{"object":{"id":85746065432,"uuid":"4444AAAiAAAAAiAiAiiAii=="}}})");
  EXPECT_EQ(event.type, ZoomEventType::meeting_started);
  EXPECT_EQ(event.type_name, "meeting.started");
  // Zoom writes the meeting id as a number.
  EXPECT_EQ(event.meeting_id, "85746065432");
  EXPECT_EQ(event.key, "meeting.started:4444AAAiAAAAAiAiAiiAii==:85746065432:1800000000000");

  event = parse_zoom_event(R"({"event":"meeting.ended","payload":{"object":{"id":"1"}}})");
  EXPECT_EQ(event.type, ZoomEventType::meeting_ended);
  EXPECT_EQ(event.key, "meeting.ended::1:");
}

TEST(ZoomEvents, ARecordingIsTheMp4WithTheShareLinkFirst) {
  auto event = parse_zoom_event(
      R"({"event":"recording.completed","event_ts":5,"payload":{"object":{"id":1,"uuid":"u1",)"
      R"("duration":42,"share_url":"https://zoom.us/rec/share/x","recording_files":[)"
      R"({"id":"f1","file_type":"M4A","play_url":"https://zoom.us/rec/play/a"},)"
      R"({"id":"f2","file_type":"MP4","play_url":"https://zoom.us/rec/play/v"}]}}})");
  EXPECT_EQ(event.type, ZoomEventType::recording_completed);
  EXPECT_EQ(event.recording.id, "f2");
  EXPECT_EQ(event.recording.url, "https://zoom.us/rec/share/x");
  EXPECT_EQ(event.recording.duration_minutes, 42);
}

TEST(ZoomEvents, WithoutAShareLinkTheMp4sPlayLinkWithoutAnMp4TheInstance) {
  auto event = parse_zoom_event(
      R"({"event":"recording.completed","payload":{"object":{"id":1,"uuid":"u1",)"
      R"("recording_files":[{"id":"f2","file_type":"MP4","play_url":"https://p/v"}]}}})");
  EXPECT_EQ(event.recording.id, "f2");
  EXPECT_EQ(event.recording.url, "https://p/v");
  EXPECT_EQ(event.recording.duration_minutes, std::nullopt);

  event = parse_zoom_event(
      R"({"event":"recording.completed","payload":{"object":{"id":1,"uuid":"u1"}}})");
  EXPECT_EQ(event.recording.id, "u1");
  EXPECT_EQ(event.recording.url, "");
}

TEST(ZoomEvents, OtherEventsAreReadToBeRecorded) {
  auto event = parse_zoom_event(R"({"event":"meeting.deleted","payload":{"object":{"id":"9"}}})");
  EXPECT_EQ(event.type, ZoomEventType::other);
  EXPECT_EQ(event.key, "meeting.deleted::9:");
}

TEST(ZoomEvents, WhatIsNotAnEventIsABadRequestThatSaysWhy) {
  const std::pair<std::string, std::string> cases[] = {
      {"not json", "The event is not JSON."},
      {"[1]", "The event is not JSON."},
      {R"({"payload":{}})", "The event lacks event or payload."},
      {R"({"event":"meeting.started"})", "The event lacks event or payload."},
      {R"({"event":"endpoint.url_validation","payload":{}})", "The challenge lacks plainToken."},
      {R"({"event":"meeting.started","payload":{}})", "The event lacks payload.object."},
  };
  for (const auto& [body, detail] : cases) {
    try {
      parse_zoom_event(body);
      ADD_FAILURE() << body;
    } catch (const app::Error& error) {
      EXPECT_EQ(error.kind(), app::ErrorKind::bad_request) << body;
      EXPECT_EQ(error.detail(), detail) << body;
    }
  }
}

}  // namespace
}  // namespace confer::integrations
