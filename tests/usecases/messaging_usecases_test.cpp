// What people hear about their bookings, over in-memory ports: the jobs a
// change queues, run by the messenger against a recording mailer and SMS
// sender, and the in-app notifications and calendar feed.
#include <gtest/gtest.h>

#include "app/booking_events.hpp"
#include "app/booking_messenger.hpp"
#include "app/bookings/booking_use_cases.hpp"
#include "app/errors.hpp"
#include "app/notification_service.hpp"
#include "domain/slot_id.hpp"
#include "fakes/booking_world.hpp"
#include "security/crypto.hpp"

namespace confer::app {
namespace {

constexpr std::int64_t june_2_0900 = 1'811'926'800'000;
constexpr std::int64_t hour = 3'600'000;

class RecordingMailer final : public Mailer {
 public:
  void send(const EmailMessage& message) override { sent.push_back(message); }
  std::vector<EmailMessage> sent;
};

class RecordingSms final : public SmsSender {
 public:
  std::string send(const SmsMessage& message) override {
    sent.push_back(message);
    return "SM" + std::to_string(sent.size());
  }
  std::vector<SmsMessage> sent;
};

class MessagingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    security::init_crypto();
    fakes::add_user(world_, "s", "specialist", "Europe/Berlin").name = "Dr S";
    auto& customer = fakes::add_user(world_, "c", "customer", "America/New_York");
    customer.name = "Cam";
    customer.phone = "+14155550100";
    customer.sms_opt_in = true;
    fakes::open_every_day(world_, "s");
    fakes::add_service(world_, "free", "s", 0).title = "Intro call";
  }

  std::string book(std::int64_t start) {
    const auto slot = domain::slot_id("free", domain::Instant{std::chrono::seconds{start / 1000}});
    return bookings_.create("c", slot, "").booking.id;
  }

  // Runs the queued jobs of `kind` as the worker would, in order.
  void run(const std::string& kind) {
    auto handlers = messenger_.handlers();
    for (const auto& [handled, handler] : handlers)
      if (handled == kind)
        for (auto& job : world_.jobs)
          if (job.kind == kind && job.status == "queued") {
            handler(job);
            job.status = "done";
          }
  }

  std::vector<std::string> subjects_to(const std::string& address) const {
    std::vector<std::string> subjects;
    for (const auto& m : mailer_.sent)
      if (m.to == address) subjects.push_back(m.subject);
    return subjects;
  }

  fakes::BookingWorld world_;
  fakes::InMemoryUnitOfWork work_{world_};
  FixedClock clock_{1'800'000'000'000};
  fakes::StubVideo video_;
  RecordingMailer mailer_;
  RecordingSms sms_;
  ManageLinks links_{std::string(40, 'k'), "https://app.example"};
  BookingUseCases bookings_{work_, clock_, video_, BookingSettings{}};
  BookingMessenger messenger_{work_, clock_, mailer_, sms_, links_};
  NotificationService notifications_{work_, clock_, "https://api.example"};
};

TEST_F(MessagingTest, AConfirmationReachesBothPartiesWithAnInvite) {
  book(june_2_0900);
  run(job_kind::confirmed);
  ASSERT_EQ(subjects_to("c@x.co").size(), 1u);
  ASSERT_EQ(subjects_to("s@x.co").size(), 1u);
  const auto& to_customer = mailer_.sent[0].to == "c@x.co" ? mailer_.sent[0] : mailer_.sent[1];
  ASSERT_FALSE(to_customer.attachments.empty());
  EXPECT_NE(to_customer.attachments[0].content.find("METHOD:REQUEST"), std::string::npos);
  // The customer reads New York time (EDT in June): 09:00 UTC is 05:00.
  EXPECT_NE(to_customer.text.find("5:00"), std::string::npos) << to_customer.text;
}

TEST_F(MessagingTest, TheReminderGoesByEmailAndToCustomersWhoOptedInBySms) {
  book(june_2_0900);
  clock_.set(june_2_0900 - 24 * hour);
  run(job_kind::reminder);
  EXPECT_EQ(subjects_to("c@x.co").size(), 1u);
  EXPECT_EQ(subjects_to("s@x.co").size(), 1u);
  ASSERT_EQ(sms_.sent.size(), 1u);
  EXPECT_EQ(sms_.sent[0].to, "+14155550100");
  EXPECT_NE(sms_.sent[0].body.find("Intro call"), std::string::npos);
}

TEST_F(MessagingTest, AMovedBookingsOldReminderSaysNothing) {
  const auto id = book(june_2_0900);
  bookings_.reschedule(
      "c", id,
      domain::slot_id("free",
                      domain::Instant{std::chrono::seconds{(june_2_0900 + 2 * hour) / 1000}}));
  // The first reminder was planned for the old time: it stays silent, and
  // the notice of the move goes out with SEQUENCE 1.
  for (auto& job : world_.jobs)
    if (job.kind == job_kind::reminder) job.status = "queued";
  run(job_kind::reminder);
  EXPECT_EQ(mailer_.sent.size(), 2u) << "only the new time's reminder";
  mailer_.sent.clear();
  run(job_kind::rescheduled);
  ASSERT_EQ(mailer_.sent.size(), 2u);
  EXPECT_NE(mailer_.sent[0].attachments.at(0).content.find("SEQUENCE:1"), std::string::npos);
}

TEST_F(MessagingTest, ACancellationSendsTheInviteCancellation) {
  const auto id = book(june_2_0900);
  bookings_.cancel.cancel("s", id, "ill");
  run(job_kind::cancelled);
  ASSERT_EQ(mailer_.sent.size(), 2u);
  EXPECT_NE(mailer_.sent[0].attachments.at(0).content.find("METHOD:CANCEL"), std::string::npos);
  EXPECT_NE(mailer_.sent[0].text.find("Dr S"), std::string::npos) << "who cancelled";
}

TEST_F(MessagingTest, ASessionLeftRunningIsCompletedByItsFollowUp) {
  const auto id = book(june_2_0900);
  clock_.set(june_2_0900);
  bookings_.sessions.start("s", id);
  clock_.set(june_2_0900 + 2 * hour);
  run(job_kind::followup);
  EXPECT_EQ(world_.bookings.at(id).status, domain::BookingStatus::completed);
  EXPECT_EQ(world_.bookings.at(id).session_ended_at, june_2_0900 + hour);
}

TEST_F(MessagingTest, NotificationsAreEachUsersOwnAndCanBeRead) {
  book(june_2_0900);
  auto page = notifications_.list("c", false, 1, 20);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.unread, 1);
  EXPECT_THROW(notifications_.mark_read("s", page.items[0].id), app::Error);
  notifications_.mark_read("c", page.items[0].id);
  EXPECT_EQ(notifications_.list("c", true, 1, 20).total, 0);
  EXPECT_EQ(notifications_.list("s", false, 1, 20).unread, 1);
}

TEST_F(MessagingTest, ACalendarFeedListsTheBookingsUntilItIsRevoked) {
  book(june_2_0900);
  const auto url = notifications_.create_feed("c");
  const auto token = url.substr(url.rfind('/') + 1);
  const auto feed = notifications_.render_feed(token);
  EXPECT_NE(feed.find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_NE(feed.find("Intro call"), std::string::npos);
  notifications_.revoke_feed("c");
  EXPECT_THROW(notifications_.render_feed(token), app::Error);
}

}  // namespace
}  // namespace confer::app
