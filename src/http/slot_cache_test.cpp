#include "http/slot_cache.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/auth_service.hpp"
#include "app/bookings/booking_use_cases.hpp"
#include "app/service_catalog.hpp"
#include "domain/slot_id.hpp"
#include "integrations/video/jitsi.hpp"
#include "security/crypto.hpp"
#include "store/account_adapters.hpp"
#include "store/booking_transaction.hpp"
#include "store/catalog_store.hpp"
#include "store/testing/test_databases.hpp"

namespace confer::http {
namespace {

class NoMail final : public app::Mailer {
 public:
  void send(const app::EmailMessage&) override {}
};

// 2027-06-02 is a Wednesday; the specialist works 09:00–12:00 UTC every day.
constexpr std::int64_t june_2_0900_ms = 1'811'926'800'000;
constexpr std::int64_t minute_ms = 60'000;

domain::AvailabilityRules rules(const std::string& end, int notice_hours = 0) {
  std::string days;
  for (const char* day :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    days += std::string(days.empty() ? "" : ",") + "\"" + day +
            "\":{\"start\":\"09:00\",\"end\":\"" + end + "\"}";
  auto parsed = domain::parse_availability(boost::json::parse(
      R"({"timezone":"UTC","maxAdvanceBooking":730,"slotDuration":[60],"minBookingNotice":)" +
      std::to_string(notice_hours) + R"(,"workingHours":{)" + days + "}}"));
  return std::get<domain::AvailabilityRules>(parsed);
}

// The cache is checked against what a fresh computation returns after every
// kind of change, on both engines; nothing it serves may be stale.
class SlotCacheTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    security::init_crypto();
    auto engines = store::testing::available_engines();
    if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end())
      GTEST_SKIP() << GetParam() << " is not configured";
    test_ = store::testing::make_test_database(GetParam());
    auto& db = *test_->database;
    app::AuthSettings settings;
    settings.jwt.secret = std::string(40, 's');
    account_store_ = std::make_unique<store::AccountStore>(db);
    auth_ = std::make_unique<app::AuthService>(*account_store_, clock_, mail_, settings);
    catalog_store_ = std::make_unique<store::CatalogStore>(db);
    availability_ = std::make_unique<app::AvailabilityService>(*catalog_store_, clock_);
    catalog_ = std::make_unique<app::ServiceCatalog>(*catalog_store_, clock_);
    work_ = std::make_unique<store::StoreUnitOfWork>(db);
    bookings_ =
        std::make_unique<app::BookingUseCases>(*work_, clock_, video_, app::BookingSettings{15});
    cache_ = std::make_unique<SlotResponseCache>(*availability_, clock_);
    specialist_ =
        auth_->signup({"s@x.co", "long enough password", "S", "specialist", "UTC"}, "").user.id;
    customer_ =
        auth_->signup({"c@x.co", "long enough password", "C", "customer", "UTC"}, "").user.id;
    availability_id_ = availability_->create(specialist_, rules("12:00")).record.id;
    app::ServiceChanges paid;
    paid.title = "Paid";
    paid.duration_minutes = 60;
    paid.price = 10'000;
    paid.currency = "USD";
    service_ = catalog_->create(specialist_, paid).id;
  }

  // The slot start times the public route offers on 2027-06-02, in order.
  std::vector<std::string> offered() {
    RawRequest raw{beast_http::verb::get,
                   "/api/specialists/" + specialist_ + "/slots?from=2027-06-02&to=2027-06-02", 11};
    Request request(raw, "test", "127.0.0.1");
    auto response = cache_->respond(request, specialist_, false);
    auto body = boost::json::parse(response.payload());
    std::vector<std::string> starts;
    for (const auto& slot : body.at("slots").as_array())
      starts.emplace_back(slot.at("start").as_string());
    return starts;
  }

  app::FixedClock clock_{1'800'000'000'000 + 5'000};  // 2027-01-15, 5 s into a minute
  NoMail mail_;
  integrations::JitsiMeetings video_;
  std::unique_ptr<store::testing::TestDatabase> test_;
  std::unique_ptr<store::AccountStore> account_store_;
  std::unique_ptr<app::AuthService> auth_;
  std::unique_ptr<store::CatalogStore> catalog_store_;
  std::unique_ptr<app::AvailabilityService> availability_;
  std::unique_ptr<app::ServiceCatalog> catalog_;
  std::unique_ptr<store::StoreUnitOfWork> work_;
  std::unique_ptr<app::BookingUseCases> bookings_;
  std::unique_ptr<SlotResponseCache> cache_;
  std::string specialist_, customer_, availability_id_, service_;
};

using Starts = std::vector<std::string>;
const Starts nine_ten_eleven{"2027-06-02T09:00:00Z", "2027-06-02T10:00:00Z",
                             "2027-06-02T11:00:00Z"};

TEST_P(SlotCacheTest, EveryKindOfChangeShowsOnTheNextRequestWithinTheSameMinute) {
  EXPECT_EQ(offered(), nine_ten_eleven);
  EXPECT_EQ(offered(), nine_ten_eleven);  // from the cache

  availability_->update(specialist_, availability_id_, rules("11:00"));
  EXPECT_EQ(offered(), (Starts{"2027-06-02T09:00:00Z", "2027-06-02T10:00:00Z"}));

  availability_->block(specialist_, service_, domain::Instant{std::chrono::seconds{1'811'926'800}},
                       "dentist");
  EXPECT_EQ(offered(), (Starts{"2027-06-02T10:00:00Z"}));
  availability_->unblock(specialist_, service_,
                         domain::Instant{std::chrono::seconds{1'811'926'800}});
  EXPECT_EQ(offered(), (Starts{"2027-06-02T09:00:00Z", "2027-06-02T10:00:00Z"}));

  auto booking = bookings_->create(
      customer_, domain::slot_id(service_, domain::Instant{std::chrono::seconds{1'811'930'400}}),
      "");
  EXPECT_EQ(offered(), (Starts{"2027-06-02T09:00:00Z"}));
  bookings_->cancel.cancel(customer_, booking.booking.id, "changed my mind");
  EXPECT_EQ(offered(), (Starts{"2027-06-02T09:00:00Z", "2027-06-02T10:00:00Z"}));

  app::ServiceChanges unpublish;
  unpublish.published = false;
  catalog_->update(specialist_, service_, unpublish);
  EXPECT_EQ(offered(), Starts{});
}

TEST_P(SlotCacheTest, AHoldThatExpiresMidMinuteFreesItsSlotAtOnce) {
  // Booked 5 s after a minute starts, the 15-minute hold
  // ends 5 s into a later minute.
  auto booking = bookings_->create(
      customer_, domain::slot_id(service_, domain::Instant{std::chrono::seconds{1'811'926'800}}),
      "");
  EXPECT_EQ(booking.booking.status, domain::BookingStatus::pending);
  clock_.advance_ms(15 * minute_ms - 50);  // 50 ms before the hold ends
  EXPECT_EQ(offered(), (Starts{"2027-06-02T10:00:00Z", "2027-06-02T11:00:00Z"}));
  clock_.advance_ms(100);  // same minute, hold over
  EXPECT_EQ(offered(), nine_ten_eleven);
}

TEST_P(SlotCacheTest, TheNoticeCutOffMovesWithTheMinuteAndItsFirstMillisecond) {
  availability_->update(specialist_, availability_id_, rules("12:00", 1));
  clock_.set(june_2_0900_ms - 60 * minute_ms - 30'000);  // 07:59:30, notice ends 08:59:30
  EXPECT_EQ(offered(), nine_ten_eleven);
  // The engine counts whole seconds: through 08:00:00.999 the 09:00 slot is
  // exactly an hour away, from 08:00:01 on it is not.
  clock_.set(june_2_0900_ms - 60 * minute_ms + 999);
  EXPECT_EQ(offered(), nine_ten_eleven);
  clock_.set(june_2_0900_ms - 60 * minute_ms + 1000);
  EXPECT_EQ(offered(), (Starts{"2027-06-02T10:00:00Z", "2027-06-02T11:00:00Z"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, SlotCacheTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace confer::http
