#include "domain/slot_engine.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "domain/instant_format.hpp"

namespace confer::domain {
namespace {

Instant at(std::string_view iso) {
  return *parse_instant(iso);
}
LocalDay day(std::string_view text) {
  return *parse_local_date(text);
}

AvailabilityRules rules_from(std::string_view json) {
  auto parsed = parse_availability(boost::json::parse(json));
  if (auto* errors = std::get_if<FieldErrors>(&parsed)) {
    std::string all;
    for (const auto& e : *errors) all += e.field + ": " + e.message + "; ";
    ADD_FAILURE() << all;
    return {};
  }
  return std::get<AvailabilityRules>(parsed);
}

// Every day open [open, close) local, no notice, a long horizon.
AvailabilityRules every_day(std::string_view zone, std::string_view open, std::string_view close) {
  std::string days;
  for (auto name : weekday_names)
    days += std::string(days.empty() ? "" : ",") + "\"" + std::string(name) + "\":{\"start\":\"" +
            std::string(open) + "\",\"end\":\"" + std::string(close) + "\",\"enabled\":true}";
  return rules_from("{\"timezone\":\"" + std::string(zone) + "\",\"workingHours\":{" + days +
                    "},\"maxAdvanceBooking\":730}");
}

std::vector<std::string> starts(const std::vector<Slot>& slots) {
  std::vector<std::string> out;
  for (const auto& s : slots) out.push_back(format_utc(s.start));
  return out;
}

std::vector<Slot> one_day(const AvailabilityRules& rules, std::string_view date, int duration,
                          std::span<const Interval> bookings = {},
                          std::span<const Interval> blocks = {}, bool all = false) {
  SlotQuery query{day(date), day(date), duration, at("2026-01-01T00:00:00Z"), all};
  return compute_slots(rules, find_zone(rules.timezone), query, bookings, blocks);
}

struct DstCase {
  const char* zone;
  const char* date;
  const char* open;
  const char* close;
  int duration;
  std::vector<std::string> expected;
};

class DstTable : public ::testing::TestWithParam<DstCase> {};

TEST_P(DstTable, SlotsFollowTheWallClockThroughTheChange) {
  const auto& c = GetParam();
  auto slots = one_day(every_day(c.zone, c.open, c.close), c.date, c.duration);
  EXPECT_EQ(starts(slots), c.expected);
  for (std::size_t i = 1; i < slots.size(); ++i)
    EXPECT_LE(slots[i - 1].end, slots[i].start) << "slots overlap in real time";
  for (const auto& s : slots) EXPECT_EQ(s.end - s.start, std::chrono::minutes{c.duration});
}

INSTANTIATE_TEST_SUITE_P(
    Zones, DstTable,
    ::testing::Values(
        // New York springs forward 02:00 → 03:00: 02:00 and 02:30 do not exist.
        DstCase{"America/New_York",
                "2026-03-08",
                "01:00",
                "04:00",
                30,
                {"2026-03-08T06:00:00Z", "2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z",
                 "2026-03-08T07:30:00Z"}},
        // …and falls back 02:00 → 01:00: 01:00 is offered once, at its first occurrence.
        DstCase{"America/New_York",
                "2026-11-01",
                "00:00",
                "03:00",
                60,
                {"2026-11-01T04:00:00Z", "2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z"}},
        // Ordinary days either side: 09:00 is 14:00Z in winter, 13:00Z in summer.
        DstCase{"America/New_York", "2026-03-06", "09:00", "10:00", 60, {"2026-03-06T14:00:00Z"}},
        DstCase{"America/New_York", "2026-03-09", "09:00", "10:00", 60, {"2026-03-09T13:00:00Z"}},
        // Berlin: 02:00–03:00 missing on 29 March; 02:00–03:00 twice on 25 October.
        DstCase{"Europe/Berlin",
                "2026-03-29",
                "01:00",
                "04:00",
                60,
                {"2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z"}},
        DstCase{"Europe/Berlin",
                "2026-10-25",
                "01:00",
                "04:00",
                60,
                {"2026-10-24T23:00:00Z", "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z"}},
        // Lord Howe moves by half an hour: 02:00–02:30 is missing on 4 October…
        DstCase{"Australia/Lord_Howe",
                "2026-10-04",
                "01:00",
                "04:00",
                30,
                {"2026-10-03T14:30:00Z", "2026-10-03T15:00:00Z", "2026-10-03T15:30:00Z",
                 "2026-10-03T16:00:00Z", "2026-10-03T16:30:00Z"}},
        // …and 01:30–02:00 happens twice on 5 April (01:30 taken once).
        DstCase{"Australia/Lord_Howe",
                "2026-04-05",
                "01:00",
                "03:00",
                30,
                {"2026-04-04T14:00:00Z", "2026-04-04T14:30:00Z", "2026-04-04T15:30:00Z",
                 "2026-04-04T16:00:00Z"}},
        // Kolkata, +05:30 all year.
        DstCase{"Asia/Kolkata",
                "2026-03-08",
                "09:00",
                "11:00",
                60,
                {"2026-03-08T03:30:00Z", "2026-03-08T04:30:00Z"}},
        // Chatham, +12:45 → +13:45 at 02:45 on 27 September: 03:00 does not exist.
        DstCase{"Pacific/Chatham",
                "2026-09-27",
                "02:00",
                "05:00",
                60,
                {"2026-09-26T13:15:00Z", "2026-09-26T14:15:00Z"}},
        // Sydney (southern hemisphere) falls back 03:00 → 02:00 on 5 April.
        DstCase{"Australia/Sydney",
                "2026-04-05",
                "01:00",
                "04:00",
                60,
                {"2026-04-04T14:00:00Z", "2026-04-04T15:00:00Z", "2026-04-04T17:00:00Z"}},
        // …and springs forward 02:00 → 03:00 on 4 October.
        DstCase{"Australia/Sydney",
                "2026-10-04",
                "01:00",
                "04:00",
                60,
                {"2026-10-03T15:00:00Z", "2026-10-03T16:00:00Z"}}));

TEST(SlotEngine, SlotsStepByTheDurationFromEachIntervalStartAndSkipBreaks) {
  auto rules = rules_from(R"({"timezone":"America/New_York",
    "workingHours":{"monday":{"enabled":true,"intervals":[{"start":"09:00","end":"12:00"},
                                                          {"start":"13:00","end":"14:30"}]}},
    "breakTimes":[{"day":"monday","start":"10:00","end":"10:30"}], "maxAdvanceBooking":730})");
  auto slots = one_day(rules, "2026-03-16", 45);
  // 09:00, (09:45 would cross the break), 10:30, 11:15; 13:00, 13:45
  EXPECT_EQ(starts(slots), (std::vector<std::string>{"2026-03-16T13:00:00Z", "2026-03-16T14:30:00Z",
                                                     "2026-03-16T15:15:00Z", "2026-03-16T17:00:00Z",
                                                     "2026-03-16T17:45:00Z"}));
}

// Issue 13, item 17: touching intervals used to be joined only on days that
// also had a recurring extra, so one weekday's slots moved week to week.
TEST(SlotEngine, TouchingIntervalsAreOneIntervalOnEveryDay) {
  auto rules = rules_from(R"({"timezone":"UTC",
    "workingHours":{"monday":{"intervals":[{"start":"09:00","end":"12:00"},
                                           {"start":"12:00","end":"15:00"}]}},
    "dateOverrides":[{"date":"2026-03-23","intervals":[{"start":"12:00","end":"15:00"},
                                                       {"start":"09:00","end":"12:00"}]}],
    "recurringRules":[{"rrule":"FREQ=WEEKLY;BYDAY=MO;COUNT=1","start":"2026-03-16T18:00",
                       "duration":60,"kind":"extra"}],
    "maxAdvanceBooking":730})");
  auto local_starts = [&](std::string_view date) {
    std::vector<std::string> out;
    for (const auto& s : starts(one_day(rules, date, 40))) out.push_back(s.substr(11, 5));
    return out;
  };
  const std::vector<std::string> one_interval{"09:00", "09:40", "10:20", "11:00", "11:40",
                                              "12:20", "13:00", "13:40", "14:20"};
  EXPECT_EQ(local_starts("2026-03-09"), one_interval);  // no extra that Monday
  auto with_extra = one_interval;
  with_extra.push_back("18:00");
  EXPECT_EQ(local_starts("2026-03-16"), with_extra);    // the extra in the evening
  EXPECT_EQ(local_starts("2026-03-23"), one_interval);  // an override with the same hours
  EXPECT_EQ(open_hours(rules, day("2026-03-09"), {}), (std::vector<TimeRange>{{540, 900}}));
}

TEST(SlotEngine, OverridesReplaceTheDayAndUnavailableDatesCloseIt) {
  auto rules = rules_from(R"({"timezone":"Europe/Berlin",
    "workingHours":{"monday":{"start":"09:00","end":"12:00"},"tuesday":{"start":"09:00","end":"12:00"}},
    "unavailableDates":["2026-12-21"],
    "dateOverrides":[{"date":"2026-12-22","intervals":[{"start":"14:00","end":"15:00"}]},
                     {"date":"2026-12-26","intervals":[{"start":"10:00","end":"11:00"}]},
                     {"date":"2026-12-29","closed":true}],
    "maxAdvanceBooking":730})");
  EXPECT_TRUE(one_day(rules, "2026-12-21", 60).empty());
  EXPECT_EQ(starts(one_day(rules, "2026-12-22", 60)),
            std::vector<std::string>{"2026-12-22T13:00:00Z"});
  EXPECT_EQ(starts(one_day(rules, "2026-12-26", 60)),  // a Saturday, opened by override
            std::vector<std::string>{"2026-12-26T09:00:00Z"});
  EXPECT_TRUE(one_day(rules, "2026-12-29", 60).empty());
  EXPECT_EQ(one_day(rules, "2026-12-28", 60).size(), 3u);
}

TEST(SlotEngine, BufferKeepsRoomAroundBookingsOnly) {
  auto rules =
      rules_from(R"({"timezone":"UTC","workingHours":{"monday":{"start":"09:00","end":"13:00"}},
    "bufferTime":15,"maxAdvanceBooking":730})");
  std::vector<Interval> bookings{{at("2026-03-16T10:00:00Z"), at("2026-03-16T10:30:00Z")}};
  auto slots = one_day(rules, "2026-03-16", 30, bookings, {}, true);
  std::vector<std::string> available, booked;
  for (const auto& s : slots)
    (s.status == SlotStatus::available ? available : booked).push_back(format_utc(s.start));
  // 09:30 ends at 10:00, within 15 minutes of the booking; 10:30 starts right after it.
  EXPECT_EQ(booked, (std::vector<std::string>{"2026-03-16T09:30:00Z", "2026-03-16T10:00:00Z",
                                              "2026-03-16T10:30:00Z"}));
  EXPECT_EQ(available.front(), "2026-03-16T09:00:00Z");
  EXPECT_EQ(available[1], "2026-03-16T11:00:00Z");
  // Without bookings the buffer changes nothing: slots are back to back.
  EXPECT_EQ(one_day(rules, "2026-03-16", 30).size(), 8u);
}

TEST(SlotEngine, BlockedSlotsAreNeverOfferedButShowInTheCalendar) {
  auto rules =
      rules_from(R"({"timezone":"UTC","workingHours":{"monday":{"start":"09:00","end":"11:00"}},
    "maxAdvanceBooking":730})");
  std::vector<Interval> blocks{{at("2026-03-16T09:00:00Z"), at("2026-03-16T09:30:00Z")}};
  EXPECT_EQ(starts(one_day(rules, "2026-03-16", 30, {}, blocks)),
            (std::vector<std::string>{"2026-03-16T09:30:00Z", "2026-03-16T10:00:00Z",
                                      "2026-03-16T10:30:00Z"}));
  auto calendar = one_day(rules, "2026-03-16", 30, {}, blocks, true);
  ASSERT_EQ(calendar.size(), 4u);
  EXPECT_EQ(calendar[0].status, SlotStatus::blocked);
}

TEST(SlotEngine, NoticeAndHorizonCountFromNow) {
  auto rules = rules_from(R"({"timezone":"UTC","workingHours":{
      "monday":{"start":"09:00","end":"17:00"},"tuesday":{"start":"09:00","end":"17:00"}},
    "minBookingNotice":24,"maxAdvanceBooking":1})");
  // Now is Monday 12:00: notice ends Tuesday 12:00, horizon ends Tuesday 12:00 + … (1 day) = same.
  SlotQuery query{day("2026-03-16"), day("2026-03-24"), 60, at("2026-03-16T12:00:00Z")};
  EXPECT_TRUE(compute_slots(rules, find_zone("UTC"), query, {}, {}).empty());
  rules.max_advance_booking_days = 2;
  auto slots = compute_slots(rules, find_zone("UTC"), query, {}, {});
  // Tuesday 12:00 … 16:00 only (Monday is inside the notice; next Monday beyond the horizon).
  EXPECT_EQ(starts(slots).front(), "2026-03-17T12:00:00Z");
  EXPECT_EQ(starts(slots).back(), "2026-03-17T16:00:00Z");
  EXPECT_EQ(slots.size(), 5u);
}

TEST(SlotEngine, AHugeRangeIsCappedByTheHorizon) {
  auto rules = every_day("UTC", "00:00", "24:00");
  rules.max_advance_booking_days = 3;
  SlotQuery query{day("1970-01-01"), day("2200-12-31"), 60, at("2026-03-16T00:00:00Z")};
  EXPECT_EQ(compute_slots(rules, find_zone("UTC"), query, {}, {}).size(), 72u);
}

TEST(SlotEngine, RecurringExtrasAddAndBlocksRemoveTime) {
  auto rules = rules_from(R"({"timezone":"America/New_York",
    "workingHours":{"monday":{"start":"09:00","end":"12:00"}},
    "recurringRules":[
      {"rrule":"FREQ=WEEKLY;BYDAY=SA;INTERVAL=2","start":"2026-03-07T10:00","duration":120,"kind":"extra"},
      {"rrule":"FREQ=MONTHLY;BYDAY=1MO","start":"2026-03-02T09:00","duration":60,"kind":"block"}],
    "maxAdvanceBooking":730})");
  // Every other Saturday from 7 March: 10:00–12:00 local, across the DST change.
  EXPECT_EQ(starts(one_day(rules, "2026-03-07", 60)),
            (std::vector<std::string>{"2026-03-07T15:00:00Z", "2026-03-07T16:00:00Z"}));
  EXPECT_TRUE(one_day(rules, "2026-03-14", 60).empty());
  EXPECT_EQ(starts(one_day(rules, "2026-03-21", 60)),
            (std::vector<std::string>{"2026-03-21T14:00:00Z", "2026-03-21T15:00:00Z"}));
  // The first Monday of April loses 09:00–10:00; the second keeps it.
  EXPECT_EQ(one_day(rules, "2026-04-06", 60).size(), 2u);
  EXPECT_EQ(one_day(rules, "2026-04-13", 60).size(), 3u);
}

TEST(AvailabilityParsing, RejectsNonsenseFieldByField) {
  auto parsed = parse_availability(boost::json::parse(R"({
    "timezone":"Mars/Olympus",
    "workingHours":{"funday":{"start":"09:00","end":"17:00"},
                    "monday":{"start":"17:00","end":"09:00"},
                    "tuesday":{"intervals":[{"start":"09:00","end":"12:00"},{"start":"11:00","end":"13:00"}]},
                    "wednesday":{"start":"9am","end":"25:00"}},
    "breakTimes":[{"day":"someday","start":"12:00","end":"13:00"}],
    "unavailableDates":["2026-02-30"],
    "recurringRules":[{"rrule":"FREQ=SOMETIMES","start":"2026-03-07T10:00","duration":2000}],
    "minBookingNotice":-1, "maxAdvanceBooking":0, "bufferTime":500, "slotDuration":[3, 60, 60],
    "surprise": true})"));
  ASSERT_TRUE(std::holds_alternative<FieldErrors>(parsed));
  std::set<std::string> fields;
  for (const auto& e : std::get<FieldErrors>(parsed)) fields.insert(e.field);
  for (const char* expected :
       {"timezone", "workingHours.funday", "workingHours.monday.end",
        "workingHours.tuesday.intervals", "workingHours.wednesday.start",
        "workingHours.wednesday.end", "breakTimes[0].day", "unavailableDates[0]",
        "recurringRules[0].rrule", "recurringRules[0].duration", "minBookingNotice",
        "maxAdvanceBooking", "bufferTime", "slotDuration", "surprise"})
    EXPECT_TRUE(fields.contains(expected)) << expected;
}

TEST(AvailabilityParsing, RoundTripsThroughJson) {
  auto rules = rules_from(R"({"timezone":"Asia/Kolkata",
    "workingHours":{"monday":{"start":"09:00","end":"17:00","enabled":true},
                    "sunday":{"start":"09:00","end":"17:00","enabled":false}},
    "breakTimes":[{"day":"monday","start":"12:00","end":"13:00"}],
    "unavailableDates":["2026-12-25"],
    "dateOverrides":[{"date":"2026-12-24","intervals":[{"start":"09:00","end":"12:00"}]}],
    "recurringRules":[{"rrule":"FREQ=WEEKLY;BYDAY=SA","start":"2026-03-07T10:00","duration":90,"kind":"extra"}],
    "minBookingNotice":24,"maxAdvanceBooking":90,"bufferTime":15,"slotDuration":[60,30]})");
  auto json = availability_to_json(rules);
  EXPECT_EQ(json.at("workingHours").at("monday").at("start"), "09:00");
  EXPECT_EQ(json.at("workingHours").at("sunday").at("enabled"), false);
  EXPECT_EQ(json.at("slotDuration"), boost::json::parse("[30,60]"));
  auto again = rules_from(boost::json::serialize(json));
  EXPECT_EQ(boost::json::serialize(availability_to_json(again)), boost::json::serialize(json));
}

TEST(InstantFormat, WritesOffsetsIncludingOddOnes) {
  auto instant = at("2026-03-08T03:30:00Z");
  EXPECT_EQ(format_utc(instant), "2026-03-08T03:30:00Z");
  EXPECT_EQ(format_with_offset(instant, std::chrono::minutes{330}), "2026-03-08T09:00:00+05:30");
  EXPECT_EQ(format_with_offset(instant, std::chrono::minutes{-300}), "2026-03-07T22:30:00-05:00");
  EXPECT_EQ(format_with_offset(instant, std::chrono::minutes{825}), "2026-03-08T17:15:00+13:45");
  EXPECT_EQ(parse_instant("2026-03-08T09:00:00+05:30"), instant);
  EXPECT_EQ(parse_instant("2026-03-08T03:30Z"), instant);
  EXPECT_EQ(parse_instant("2026-03-08T03:30:00.123Z"), instant);
  EXPECT_FALSE(parse_instant("2026-03-08 03:30:00Z"));
  EXPECT_FALSE(parse_instant("2026-02-30T03:30:00Z"));
}

}  // namespace
}  // namespace confer::domain
