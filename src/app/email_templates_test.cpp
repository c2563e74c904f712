#include "app/email_templates.hpp"

#include <gtest/gtest.h>

#include "app/email_layout.hpp"

namespace confer::app::email {
namespace {

domain::Instant at(int y, unsigned m, unsigned d, int h, int min) {
  return date::sys_days{date::year{y} / m / d} + std::chrono::hours{h} + std::chrono::minutes{min};
}

BookingFacts sample() {
  BookingFacts booking;
  booking.booking_id = "bk-1";
  booking.sequence = 0;
  booking.customer = {"Sam <script>alert(1)</script>", "sam@example.com", "America/New_York", "",
                      "https://confer.example/manage/customer-token"};
  booking.specialist = {"Ada & Co", "ada@example.com", "Europe/Berlin", "",
                        "https://confer.example/manage/specialist-token"};
  booking.service_title = "Career \"deep dive\"";
  booking.start = at(2026, 11, 24, 14, 30);  // 09:30 EST, 15:30 CET
  booking.end = at(2026, 11, 24, 15, 30);
  booking.join_url = "https://meet.jit.si/confer-x?a=1&b=2";
  booking.organizer_email = "bookings@confer.example";
  booking.amount = 12'050;
  booking.currency = "EUR";
  return booking;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(MeetingTime, ShowsTheReadersClockAndZone) {
  const auto start = at(2026, 11, 24, 14, 30), end = at(2026, 11, 24, 15, 30);
  EXPECT_EQ(format_meeting_time(start, end, "Europe/Berlin"),
            "Tuesday, 24 November 2026, 15:30–16:30 CET (Europe/Berlin)");
  EXPECT_EQ(format_meeting_time(start, end, "America/New_York"),
            "Tuesday, 24 November 2026, 09:30–10:30 EST (America/New_York)");
  EXPECT_EQ(format_meeting_time(start, end, "Asia/Kolkata"),
            "Tuesday, 24 November 2026, 20:00–21:00 IST (Asia/Kolkata)");
  EXPECT_EQ(format_meeting_time(start, end, "UTC"), "Tuesday, 24 November 2026, 14:30–15:30 UTC");
  EXPECT_EQ(format_meeting_time(start, end, "Not/AZone"),
            "Tuesday, 24 November 2026, 14:30–15:30 UTC");
}

TEST(MeetingTime, PastMidnightAndAcrossADstChange) {
  EXPECT_EQ(
      format_meeting_time(at(2026, 11, 24, 22, 30), at(2026, 11, 24, 23, 30), "Europe/Berlin"),
      "Tuesday, 24 November 2026, 23:30 – Wednesday, 25 November 2026, 00:30 CET "
      "(Europe/Berlin)");
  // Berlin falls back at 01:00 UTC on 25 October 2026.
  EXPECT_EQ(format_meeting_time(at(2026, 10, 25, 0, 30), at(2026, 10, 25, 1, 30), "Europe/Berlin"),
            "Sunday, 25 October 2026, 02:30 CEST–02:30 CET (Europe/Berlin)");
}

TEST(HtmlEscape, EscapesEverythingThatEndsTextOrAnAttribute) {
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(BookingConfirmation, GoesToTheCustomerWithTextHtmlAndTheInvite) {
  auto message = booking_confirmation(sample(), at(2026, 11, 1, 0, 0));
  EXPECT_EQ(message.to, "sam@example.com");
  EXPECT_EQ(message.subject, "Confirmed: Career \"deep dive\" with Ada & Co");
  EXPECT_TRUE(contains(message.text, "Tuesday, 24 November 2026, 09:30–10:30 EST"));
  EXPECT_TRUE(contains(message.text, "https://meet.jit.si/confer-x?a=1&b=2"));
  EXPECT_TRUE(contains(message.text, "120.50 EUR"));
  EXPECT_TRUE(contains(message.html, "href=\"https://meet.jit.si/confer-x?a=1&amp;b=2\""));
  EXPECT_TRUE(contains(message.html, "Sam &lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_FALSE(contains(message.html, "<script>"));
  EXPECT_TRUE(contains(message.html, "Ada &amp; Co"));
  ASSERT_EQ(message.attachments.size(), 1u);
  EXPECT_EQ(message.attachments[0].content_type, "text/calendar; method=REQUEST; charset=utf-8");
  EXPECT_EQ(message.attachments[0].file_name, "invite.ics");
  EXPECT_TRUE(contains(message.attachments[0].content, "METHOD:REQUEST"));
  EXPECT_TRUE(contains(message.attachments[0].content, "UID:bk-1@confer"));
  EXPECT_TRUE(contains(message.attachments[0].content, "DTSTART:20261124T143000Z"));
}

TEST(NewBooking, GoesToTheSpecialistOnTheirClock) {
  auto message = new_booking(sample(), at(2026, 11, 1, 0, 0));
  EXPECT_EQ(message.to, "ada@example.com");
  EXPECT_TRUE(contains(message.subject, "with Sam <script>"));  // a header, not HTML
  EXPECT_TRUE(contains(message.text, "15:30–16:30 CET (Europe/Berlin)"));
  EXPECT_TRUE(contains(message.text, "sam@example.com"));
  EXPECT_FALSE(contains(message.html, "<script>"));
}

// Every message to one reader carries their link (but a cancellation
// notice, whose invite removes the event, carries none) and never the other's.
void expect_only_own_link(const std::vector<EmailMessage>& messages, const std::string& own,
                          const std::string& other) {
  for (const auto& message : messages) {
    if (!message.subject.starts_with("Cancelled")) {
      EXPECT_TRUE(contains(message.text, own)) << message.subject;
    }
    EXPECT_FALSE(contains(message.text + message.html, other)) << message.subject;
    for (const auto& attachment : message.attachments)
      EXPECT_FALSE(contains(attachment.content, other)) << message.subject;
  }
}

TEST(ManageLinks, EachPartyGetsOnlyTheirOwnLinkInMailAndInvite) {
  const auto booking = sample();
  const auto now = at(2026, 11, 1, 0, 0);
  for (auto to : {Audience::customer, Audience::specialist}) {
    const bool customer = to == Audience::customer;
    expect_only_own_link({customer ? booking_confirmation(booking, now) : new_booking(booking, now),
                          booking_reminder(booking, to), booking_cancelled(booking, to, {}, now),
                          booking_rescheduled(booking, to, now, now, now)},
                         customer ? "customer-token" : "specialist-token",
                         customer ? "specialist-token" : "customer-token");
  }
}

TEST(Invites, NameThePlatformAsOrganizerNeverTheSpecialistsAddress) {
  const auto now = at(2026, 11, 1, 0, 0);
  for (const auto& message : {booking_confirmation(sample(), now), new_booking(sample(), now)}) {
    const auto& ics = message.attachments.at(0).content;
    EXPECT_TRUE(contains(ics, "mailto:bookings@confer.example")) << ics;
    EXPECT_FALSE(contains(ics, "ada@example.com")) << ics;
  }
}

TEST(BookingConfirmation, ShowsTheZoneTheCustomerPickedAndTheirAccountsZone) {
  auto booking = sample();
  booking.customer.time_zone = "Asia/Tokyo";
  booking.customer.account_time_zone = "Europe/London";
  auto message = booking_confirmation(booking, at(2026, 11, 1, 0, 0));
  EXPECT_TRUE(
      contains(message.text,
               "When: Tuesday, 24 November 2026, 23:30 – Wednesday, 25 November 2026, 00:30 JST"))
      << message.text;
  EXPECT_TRUE(contains(message.text, "(Asia/Tokyo)"));
  EXPECT_TRUE(contains(message.text,
                       "In your account's time zone: Tuesday, 24 November 2026, 14:30–15:30 GMT "
                       "(Europe/London)"))
      << message.text;
  // One zone when both are the same.
  booking.customer.account_time_zone = "Asia/Tokyo";
  EXPECT_FALSE(
      contains(booking_confirmation(booking, at(2026, 11, 1, 0, 0)).text, "account's time zone"));
}

TEST(PaymentReceipt, ShowsAmountReferenceAndPaymentTime) {
  auto message =
      payment_receipt(sample(), {"CONF-1234-5678", 12'050, "EUR", at(2026, 11, 2, 10, 0)});
  EXPECT_EQ(message.to, "sam@example.com");
  EXPECT_EQ(message.subject, "Receipt: 120.50 EUR for Career \"deep dive\"");
  EXPECT_TRUE(contains(message.text, "Receipt number: CONF-1234-5678"));
  EXPECT_TRUE(
      contains(message.text, "Paid on: Monday, 2 November 2026, 05:00 EST (America/New_York)"));
  EXPECT_TRUE(message.attachments.empty());
}

TEST(BookingCancelled, CarriesTheCancelInviteAndTheRefund) {
  auto booking = sample();
  booking.sequence = 1;
  auto message = booking_cancelled(booking, Audience::customer, {"Ada & Co", "Ill <b>", 6'025},
                                   at(2026, 11, 3, 0, 0));
  EXPECT_EQ(message.subject, "Cancelled: Career \"deep dive\" with Ada & Co");
  EXPECT_TRUE(contains(message.text, "Refund: 60.25 EUR"));
  EXPECT_TRUE(contains(message.html, "Ill &lt;b&gt;"));
  ASSERT_EQ(message.attachments.size(), 1u);
  EXPECT_EQ(message.attachments[0].content_type, "text/calendar; method=CANCEL; charset=utf-8");
  EXPECT_TRUE(contains(message.attachments[0].content, "METHOD:CANCEL"));
  EXPECT_TRUE(contains(message.attachments[0].content, "STATUS:CANCELLED"));
  EXPECT_TRUE(contains(message.attachments[0].content, "SEQUENCE:1"));

  auto to_specialist =
      booking_cancelled(booking, Audience::specialist, {"", "", 0}, at(2026, 11, 3, 0, 0));
  EXPECT_EQ(to_specialist.to, "ada@example.com");
  EXPECT_FALSE(contains(to_specialist.text, "Refund"));  // the refund is the customer's business
}

TEST(BookingRescheduled, ShowsNewAndOldTimesAndBumpsTheInvite) {
  auto booking = sample();
  booking.sequence = 2;
  booking.start = at(2026, 11, 25, 14, 30);
  booking.end = at(2026, 11, 25, 15, 30);
  auto message = booking_rescheduled(booking, Audience::specialist, at(2026, 11, 24, 14, 30),
                                     at(2026, 11, 24, 15, 30), at(2026, 11, 3, 0, 0));
  EXPECT_TRUE(contains(message.text, "When: Wednesday, 25 November 2026, 15:30–16:30 CET"));
  EXPECT_TRUE(contains(message.text, "Was: Tuesday, 24 November 2026, 15:30–16:30 CET"));
  ASSERT_EQ(message.attachments.size(), 1u);
  EXPECT_TRUE(contains(message.attachments[0].content, "METHOD:REQUEST"));
  EXPECT_TRUE(contains(message.attachments[0].content, "SEQUENCE:2"));
  EXPECT_TRUE(contains(message.attachments[0].content, "DTSTART:20261125T143000Z"));
}

TEST(Reminder, RecordingAndPasswordReset) {
  auto reminder = booking_reminder(sample(), Audience::customer);
  EXPECT_TRUE(contains(reminder.subject, "Tomorrow"));
  EXPECT_TRUE(contains(reminder.text, "starts in 24 hours"));
  EXPECT_TRUE(reminder.attachments.empty());

  auto recording =
      recording_available(sample(), Audience::customer, "https://confer.example/r/1?x=\"y\"");
  EXPECT_TRUE(contains(recording.html, "href=\"https://confer.example/r/1?x=&quot;y&quot;\""));

  auto reset =
      password_reset("Eve <i>", "eve@example.com", "https://c.example/reset?token=t&x", 30);
  EXPECT_EQ(reset.to, "eve@example.com");
  EXPECT_EQ(reset.subject, "Reset your Confer password");
  EXPECT_TRUE(contains(reset.text, "https://c.example/reset?token=t&x"));
  EXPECT_TRUE(contains(reset.text, "within 30 minutes"));
  EXPECT_TRUE(contains(reset.html, "Hello Eve &lt;i&gt;,"));
  EXPECT_TRUE(contains(reset.html, "token=t&amp;x"));
}

TEST(PriceText, FreeKnownAndUnknownCurrencies) {
  EXPECT_EQ(price_text(0, "USD"), "free");
  EXPECT_EQ(price_text(1'500, "JPY"), "1500 JPY");
  EXPECT_EQ(price_text(7, "XQQ"), "7 XQQ (minor units)");
}

}  // namespace
}  // namespace confer::app::email
