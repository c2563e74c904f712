#include "app/booking_messenger.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/account_service.hpp"
#include "app/auth_service.hpp"
#include "app/bookings/booking_use_cases.hpp"
#include "app/service_catalog.hpp"
#include "domain/slot_id.hpp"
#include "integrations/video/jitsi.hpp"
#include "jobs/worker.hpp"
#include "security/crypto.hpp"
#include "store/account_adapters.hpp"
#include "store/booking_transaction.hpp"
#include "store/catalog_store.hpp"
#include "store/job_queue_adapter.hpp"
#include "store/testing/test_databases.hpp"

namespace confer::app {
namespace {

class RecordingMailer final : public Mailer {
 public:
  void send(const EmailMessage& message) override { sent.push_back(message); }
  std::vector<EmailMessage> sent;
};

class RecordingSms final : public SmsSender {
 public:
  std::string send(const SmsMessage& message) override {
    sent.push_back(message);
    return "SM1";
  }
  std::vector<SmsMessage> sent;
};

// 2027-06-02 09:00 UTC, a Wednesday; the specialist works 09:00–17:00 UTC.
constexpr std::int64_t june_2_0900 = 1'811'926'800'000;
constexpr std::int64_t hour = 3'600'000;

// The reminder, follow-up and their moves, with the clock under control.
class BookingMessengerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    security::init_crypto();
    auto engines = store::testing::available_engines();
    if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end())
      GTEST_SKIP() << GetParam() << " is not configured";
    test_ = store::testing::make_test_database(GetParam());
    auto& db = *test_->database;
    AuthSettings settings;
    settings.jwt.secret = std::string(40, 's');
    account_store_ = std::make_unique<store::AccountStore>(db);
    auth_ = std::make_unique<AuthService>(*account_store_, clock_, mailer_, settings);
    catalog_store_ = std::make_unique<store::CatalogStore>(db);
    availability_ = std::make_unique<AvailabilityService>(*catalog_store_, clock_);
    catalog_ = std::make_unique<ServiceCatalog>(*catalog_store_, clock_);
    work_ = std::make_unique<store::StoreUnitOfWork>(db);
    bookings_ = std::make_unique<BookingUseCases>(*work_, clock_, video_, BookingSettings{15});
    messenger_ = std::make_unique<BookingMessenger>(*work_, clock_, mailer_, sms_, links_);
    queue_ = std::make_unique<store::JobQueueAdapter>(db);
    jobs::WorkerSettings one_at_a_time;  // the recording mailer is not for threads
    one_at_a_time.concurrency = 1;
    worker_ = std::make_unique<jobs::Worker>(*queue_, clock_, "test", one_at_a_time);
    for (auto& [kind, handler] : messenger_->handlers()) worker_->on(kind, handler);
    specialist_ =
        auth_->signup({"s@x.co", "long enough password", "S", "specialist", "UTC"}, "").user.id;
    customer_ =
        auth_->signup({"c@x.co", "long enough password", "C", "customer", "Asia/Kolkata"}, "")
            .user.id;
    AccountChanges phone;
    phone.phone = std::optional<std::string>{"+14155550123"};
    phone.sms_opt_in = true;
    AccountService(*account_store_, clock_).update(customer_, phone);
    std::string days;
    for (const char* day :
         {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
      days += std::string(days.empty() ? "" : ",") + "\"" + day +
              "\":{\"start\":\"09:00\",\"end\":\"17:00\"}";
    auto rules = domain::parse_availability(boost::json::parse(
        R"({"timezone":"UTC","maxAdvanceBooking":730,"slotDuration":[60],"workingHours":{)" + days +
        "}}"));
    availability_->create(specialist_, std::get<domain::AvailabilityRules>(rules));
    ServiceChanges free;
    free.title = "Free talk";
    free.duration_minutes = 60;
    free.price = 0;
    free.currency = "USD";
    service_ = catalog_->create(specialist_, free).id;
    mailer_.sent.clear();
  }

  std::string slot(std::int64_t start_ms) {
    return domain::slot_id(service_, domain::Instant{std::chrono::seconds{start_ms / 1000}});
  }
  int run_due() {
    int ran = 0;
    while (int batch = worker_->run_batch()) ran += batch;
    return ran;
  }
  std::vector<std::string> subjects() {
    std::vector<std::string> out;
    for (const auto& m : mailer_.sent) out.push_back(m.to + " " + m.subject.substr(0, 10));
    mailer_.sent.clear();
    return out;
  }

  FixedClock clock_{1'800'000'000'000};  // 2027-01-15
  RecordingMailer mailer_;
  RecordingSms sms_;
  ManageLinks links_{"secret", "https://app.test"};
  integrations::JitsiMeetings video_;
  std::unique_ptr<store::testing::TestDatabase> test_;
  std::unique_ptr<store::AccountStore> account_store_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<store::CatalogStore> catalog_store_;
  std::unique_ptr<AvailabilityService> availability_;
  std::unique_ptr<ServiceCatalog> catalog_;
  std::unique_ptr<store::StoreUnitOfWork> work_;
  std::unique_ptr<BookingUseCases> bookings_;
  std::unique_ptr<BookingMessenger> messenger_;
  std::unique_ptr<store::JobQueueAdapter> queue_;
  std::unique_ptr<jobs::Worker> worker_;
  std::string specialist_, customer_, service_;
};

TEST_P(BookingMessengerTest, ConfirmationNowReminderADayBeforeAndTheSmsOnlyToWhoOptedIn) {
  bookings_->create(customer_, slot(june_2_0900), "");
  EXPECT_EQ(run_due(), 1);
  EXPECT_EQ(subjects(), (std::vector<std::string>{"c@x.co Confirmed:", "s@x.co New bookin"}));
  clock_.set(june_2_0900 - 24 * hour - 1000);
  EXPECT_EQ(run_due(), 0);  // not yet
  clock_.set(june_2_0900 - 24 * hour + 5000);
  EXPECT_EQ(run_due(), 1);
  EXPECT_EQ(subjects(), (std::vector<std::string>{"c@x.co Tomorrow: ", "s@x.co Tomorrow: "}));
  ASSERT_EQ(sms_.sent.size(), 1u);
  EXPECT_EQ(sms_.sent[0].to, "+14155550123");
  // 09:00 UTC is 14:30 in Kolkata, the customer's zone.
  EXPECT_NE(sms_.sent[0].body.find("2027-06-02 14:30 (Asia/Kolkata)"), std::string::npos)
      << sms_.sent[0].body;
}

TEST_P(BookingMessengerTest, ARescheduleMovesTheReminderAndTheOldOneNeverFires) {
  auto booking = bookings_->create(customer_, slot(june_2_0900), "");
  run_due();
  subjects();
  bookings_->reschedule(customer_, booking.booking.id, slot(june_2_0900 + 3 * hour));
  EXPECT_EQ(run_due(), 1);
  EXPECT_EQ(subjects(), (std::vector<std::string>{"c@x.co Reschedule", "s@x.co Reschedule"}));
  clock_.set(june_2_0900 - 24 * hour + 5000);
  EXPECT_EQ(run_due(), 0);
  clock_.set(june_2_0900 - 21 * hour + 5000);
  EXPECT_EQ(run_due(), 1);
  EXPECT_EQ(subjects().size(), 2u);
}

TEST_P(BookingMessengerTest, ACancellationDropsTheReminderAndTellsBothSides) {
  auto booking = bookings_->create(customer_, slot(june_2_0900), "");
  run_due();
  subjects();
  bookings_->cancel.cancel(specialist_, booking.booking.id, "ill");
  EXPECT_EQ(run_due(), 1);
  EXPECT_EQ(subjects(), (std::vector<std::string>{"c@x.co Cancelled:", "s@x.co Cancelled:"}));
  clock_.set(june_2_0900 + 2 * hour);
  EXPECT_EQ(run_due(), 0);
  EXPECT_TRUE(sms_.sent.empty());
}

TEST_P(BookingMessengerTest, AStartedSessionNobodyEndedIsCompletedAfterItsEnd) {
  auto booking = bookings_->create(customer_, slot(june_2_0900), "");
  run_due();
  clock_.set(june_2_0900 - 24 * hour + 5000);
  run_due();
  clock_.set(june_2_0900);
  bookings_->sessions.start(specialist_, booking.booking.id);
  clock_.set(june_2_0900 + hour + 14 * 60'000);
  EXPECT_EQ(run_due(), 0);
  clock_.set(june_2_0900 + hour + 15 * 60'000);
  EXPECT_EQ(run_due(), 1);
  auto after = bookings_->read.get(customer_, booking.booking.id).booking;
  EXPECT_EQ(after.status, domain::BookingStatus::completed);
  EXPECT_EQ(after.session_ended_at, june_2_0900 + hour);
}

TEST_P(BookingMessengerTest, TheReminderComesTwentyFourRealHoursAheadAcrossADstChange) {
  // New York springs forward on Sunday 2027-03-14 at 02:00. A session at
  // 10:00 EDT that Sunday (14:00 UTC) is reminded at 14:00 UTC on Saturday,
  // which New York's clocks show as 09:00 EST: 24 hours, not "same time".
  AccountChanges zone;
  zone.timezone = "America/New_York";
  AccountService(*account_store_, clock_).update(customer_, zone);
  constexpr std::int64_t march_14_1400z = 1'805'032'800'000;
  bookings_->create(customer_, slot(march_14_1400z), "");
  run_due();
  subjects();
  clock_.set(march_14_1400z - 24 * hour - 1000);
  EXPECT_EQ(run_due(), 0);
  clock_.set(march_14_1400z - 24 * hour + 1000);
  EXPECT_EQ(run_due(), 1);
  ASSERT_EQ(mailer_.sent.size(), 2u);
  const auto& text = mailer_.sent[0].text;
  EXPECT_NE(text.find("10:00"), std::string::npos) << text;
  EXPECT_NE(text.find("America/New_York"), std::string::npos) << text;
  EXPECT_NE(sms_.sent.at(0).body.find("2027-03-14 10:00 (America/New_York)"), std::string::npos)
      << sms_.sent[0].body;
}

INSTANTIATE_TEST_SUITE_P(Engines, BookingMessengerTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace confer::app
