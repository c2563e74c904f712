#include "domain/calendar_invite.hpp"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <memory>

namespace confer::domain {
namespace {

using namespace std::chrono_literals;

Instant at(int y, unsigned m, unsigned d, int h, int min) {
  return date::sys_days{date::year{y} / m / d} + std::chrono::hours{h} + std::chrono::minutes{min};
}

CalendarEvent sample() {
  CalendarEvent event;
  event.booking_id = "b-123";
  event.sequence = 2;
  event.start = at(2026, 11, 24, 8, 30);
  event.end = at(2026, 11, 24, 9, 30);
  event.summary = "Career coaching; with Ada, Lovelace";
  event.description = "Bring your CV.";
  event.join_url = "https://meet.jit.si/confer-abc?x=1&y=2";
  event.organizer = {"Ada \"The Countess\" Lovelace", "ada@example.com"};
  event.attendee = {"Sam Customer", "sam@example.com"};
  return event;
}

struct Parsed {
  std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)> calendar{nullptr,
                                                                         icalcomponent_free};
  icalcomponent* event = nullptr;
};

Parsed parse(const std::string& text) {
  Parsed parsed;
  parsed.calendar.reset(icalparser_parse_string(text.c_str()));
  if (parsed.calendar)
    parsed.event = icalcomponent_get_first_component(parsed.calendar.get(), ICAL_VEVENT_COMPONENT);
  return parsed;
}

std::string parameter(icalproperty* property, icalparameter_kind kind) {
  icalparameter* p = icalproperty_get_first_parameter(property, kind);
  return p ? icalparameter_as_ical_string(p) : "";
}

TEST(CalendarInvite, RequestCarriesEveryFieldACalendarAppNeeds) {
  const auto text = render_invite(sample(), InviteMethod::request, at(2026, 11, 1, 12, 0));
  auto parsed = parse(text);
  ASSERT_TRUE(parsed.event) << text;
  EXPECT_EQ(icalcomponent_get_method(parsed.calendar.get()), ICAL_METHOD_REQUEST);
  EXPECT_STREQ(icalcomponent_get_uid(parsed.event), "b-123@confer");
  EXPECT_EQ(icalcomponent_get_sequence(parsed.event), 2);
  EXPECT_EQ(icalcomponent_get_status(parsed.event), ICAL_STATUS_CONFIRMED);

  auto start = icalcomponent_get_dtstart(parsed.event);
  auto end = icalcomponent_get_dtend(parsed.event);
  EXPECT_TRUE(icaltime_is_utc(start));
  EXPECT_EQ(icaltime_as_timet(start), at(2026, 11, 24, 8, 30).time_since_epoch().count());
  EXPECT_EQ(icaltime_as_timet(end), at(2026, 11, 24, 9, 30).time_since_epoch().count());
  EXPECT_NE(text.find("DTSTART:20261124T083000Z\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("DTSTAMP:20261101T120000Z\r\n"), std::string::npos);

  EXPECT_STREQ(icalcomponent_get_summary(parsed.event), "Career coaching; with Ada, Lovelace");
  EXPECT_STREQ(icalcomponent_get_location(parsed.event), "https://meet.jit.si/confer-abc?x=1&y=2");
  EXPECT_STREQ(icalcomponent_get_description(parsed.event),
               "Bring your CV.\n\nJoin: https://meet.jit.si/confer-abc?x=1&y=2");

  auto* organizer = icalcomponent_get_first_property(parsed.event, ICAL_ORGANIZER_PROPERTY);
  ASSERT_TRUE(organizer);
  EXPECT_STREQ(icalproperty_get_organizer(organizer), "mailto:ada@example.com");
  EXPECT_NE(parameter(organizer, ICAL_CN_PARAMETER).find("Ada The Countess Lovelace"),
            std::string::npos);
  auto* attendee = icalcomponent_get_first_property(parsed.event, ICAL_ATTENDEE_PROPERTY);
  ASSERT_TRUE(attendee);
  EXPECT_STREQ(icalproperty_get_attendee(attendee), "mailto:sam@example.com");
  EXPECT_EQ(parameter(attendee, ICAL_PARTSTAT_PARAMETER), "PARTSTAT=ACCEPTED");
}

TEST(CalendarInvite, CancelKeepsTheUidAndSaysCancelled) {
  auto event = sample();
  event.sequence = 3;
  auto parsed = parse(render_invite(event, InviteMethod::cancel, at(2026, 11, 2, 0, 0)));
  ASSERT_TRUE(parsed.event);
  EXPECT_EQ(icalcomponent_get_method(parsed.calendar.get()), ICAL_METHOD_CANCEL);
  EXPECT_STREQ(icalcomponent_get_uid(parsed.event), "b-123@confer");
  EXPECT_EQ(icalcomponent_get_sequence(parsed.event), 3);
  EXPECT_EQ(icalcomponent_get_status(parsed.event), ICAL_STATUS_CANCELLED);
}

TEST(CalendarInvite, LinesAreFoldedAndEndWithCrLf) {
  auto event = sample();
  event.description = std::string(300, 'x');
  const auto text = render_invite(event, InviteMethod::request, at(2026, 11, 1, 0, 0));
  std::size_t begin = 0;
  while (begin < text.size()) {
    auto end = text.find("\r\n", begin);
    ASSERT_NE(end, std::string::npos) << "a line without CRLF";
    EXPECT_LE(end - begin, 75u) << text.substr(begin, end - begin);
    begin = end + 2;
  }
  auto parsed = parse(text);
  ASSERT_TRUE(parsed.event);
  EXPECT_EQ(std::string(icalcomponent_get_description(parsed.event)).substr(0, 300),
            std::string(300, 'x'));
}

TEST(CalendarInvite, UserTextCannotInjectProperties) {
  auto event = sample();
  event.summary = "Hi\r\nATTENDEE:mailto:evil@example.com";
  event.organizer.name = "Eve\r\nMETHOD:CANCEL";
  const auto text = render_invite(event, InviteMethod::request, at(2026, 11, 1, 0, 0));
  auto parsed = parse(text);
  ASSERT_TRUE(parsed.event);
  EXPECT_EQ(icalcomponent_count_properties(parsed.event, ICAL_ATTENDEE_PROPERTY), 1);
  EXPECT_EQ(icalcomponent_get_method(parsed.calendar.get()), ICAL_METHOD_REQUEST);
  EXPECT_EQ(text.find("\r\nMETHOD:CANCEL"), std::string::npos);
}

TEST(CalendarFeed, PublishesEveryBookingWithItsOwnStatus) {
  auto first = sample();
  auto second = sample();
  second.booking_id = "b-456";
  second.start = at(2026, 12, 1, 15, 0);
  second.end = at(2026, 12, 1, 15, 45);
  second.cancelled = true;
  const auto text = render_feed({first, second}, "Confer — Ada", at(2026, 11, 1, 0, 0));
  auto parsed = parse(text);
  ASSERT_TRUE(parsed.calendar);
  EXPECT_EQ(icalcomponent_get_method(parsed.calendar.get()), ICAL_METHOD_PUBLISH);
  EXPECT_NE(text.find("X-WR-CALNAME:Confer — Ada\r\n"), std::string::npos) << text;
  std::vector<std::string> uids;
  std::vector<icalproperty_status> statuses;
  for (auto* event =
           icalcomponent_get_first_component(parsed.calendar.get(), ICAL_VEVENT_COMPONENT);
       event;
       event = icalcomponent_get_next_component(parsed.calendar.get(), ICAL_VEVENT_COMPONENT)) {
    uids.emplace_back(icalcomponent_get_uid(event));
    statuses.push_back(icalcomponent_get_status(event));
  }
  EXPECT_EQ(uids, (std::vector<std::string>{"b-123@confer", "b-456@confer"}));
  EXPECT_EQ(statuses,
            (std::vector<icalproperty_status>{ICAL_STATUS_CONFIRMED, ICAL_STATUS_CANCELLED}));
}

TEST(CalendarFeed, ANameCannotBreakOutOfItsLine) {
  const auto text = render_feed({}, "Ada\r\nMETHOD:CANCEL", at(2026, 11, 1, 0, 0));
  EXPECT_EQ(text.find("\r\nMETHOD:CANCEL"), std::string::npos) << text;
}

TEST(CalendarFeed, AnEmptyFeedIsStillACalendar) {
  auto parsed = parse(render_feed({}, "Nothing", at(2026, 11, 1, 0, 0)));
  ASSERT_TRUE(parsed.calendar);
  EXPECT_EQ(parsed.event, nullptr);
}

}  // namespace
}  // namespace confer::domain
