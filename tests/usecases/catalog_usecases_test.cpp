// The catalog and schedule use cases over in-memory fakes of their ports:
// services, availability, blocked times, slots, the marketplace, earnings
// and Zoom accounts, as a specialist or customer would notice them.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/availability_service.hpp"
#include "app/earnings.hpp"
#include "app/errors.hpp"
#include "app/service_catalog.hpp"
#include "app/specialist_directory.hpp"
#include "app/testing/errors.hpp"
#include "app/zoom_accounts.hpp"
#include "fakes/catalog_fakes.hpp"
#include "security/crypto.hpp"
#include "security/secretbox.hpp"

namespace confer::app {
namespace {

using testing::kind_of;

// 2027-01-15 08:00 UTC, a Friday.
constexpr std::int64_t now_ms = 1'800'000'000'000;
constexpr std::int64_t hour_ms = 3'600'000;

std::string detail_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.detail() + (error.fields().empty() ? "" : " " + error.fields().front().message);
  }
  return "";
}

// 09:00–17:00 every day in `zone`, `durations` minutes long.
domain::AvailabilityRules every_day(const std::string& zone = "UTC",
                                    const std::string& durations = "[60]") {
  std::string days;
  for (const char* name :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    days +=
        std::string(days.empty() ? "" : ",") + "\"" + name + R"(":{"start":"09:00","end":"17:00"})";
  auto parsed = domain::parse_availability(
      boost::json::parse(R"({"timezone":")" + zone + R"(","maxAdvanceBooking":730,)" +
                         R"("slotDuration":)" + durations + R"(,"workingHours":{)" + days + "}}"));
  return std::get<domain::AvailabilityRules>(parsed);
}

domain::LocalDay day(int y, unsigned m, unsigned d) {
  return domain::LocalDay{date::sys_days{date::year{y} / m / d}.time_since_epoch()};
}

domain::Instant at_ms(std::int64_t ms) {
  return domain::from_unix_ms(ms);
}

class CatalogUseCases : public ::testing::Test {
 protected:
  void SetUp() override {
    security::init_crypto();
    store_.add_user("ada", "specialist", "Ada", "UTC");
    store_.add_user("bob", "specialist", "Bob", "UTC");
    store_.add_user("cat", "customer", "Cat", "UTC");
  }

  ServiceRecord offer(const std::string& specialist, const std::string& title, int minutes = 60,
                      std::int64_t price = 5000) {
    ServiceChanges draft;
    draft.title = title;
    draft.duration_minutes = minutes;
    draft.price = price;
    draft.currency = "USD";
    return catalog_.create(specialist, draft);
  }

  FixedClock clock_{now_ms};
  fakes::FakeCatalogStore store_;
  ServiceCatalog catalog_{store_, clock_, 50};
  AvailabilityService availability_{store_, clock_};
};

TEST_F(CatalogUseCases, ANewServiceIsPublishedWithTheDefaultPolicy) {
  auto service = offer("ada", "Intro call");
  EXPECT_TRUE(service.published);
  EXPECT_EQ(service.cancellation_deadline_hours, 24);
  EXPECT_EQ(service.refund_policy, "full");
  EXPECT_EQ(service.refund_percentage, 100);
  EXPECT_EQ(service.created_at, now_ms);
  EXPECT_EQ(catalog_.get(service.id, "").title, "Intro call");
  EXPECT_EQ(catalog_.list("ada", "").size(), 1u);
}

TEST_F(CatalogUseCases, ADurationMustBeOneOfTheSlotDurationsOnceAvailabilityIsSet) {
  offer("ada", "Any length before availability", 25);
  availability_.create("ada", every_day("UTC", "[30, 60]"));
  EXPECT_EQ(detail_of([&] { offer("ada", "Odd", 45); }),
            "Some fields are not valid. must be one of your slot durations (30, 60 minutes)");
  auto kept = offer("ada", "Half hour", 30);
  ServiceChanges longer;
  longer.duration_minutes = 90;
  EXPECT_EQ(kind_of([&] { catalog_.update("ada", kept.id, longer); }), ErrorKind::validation);
  EXPECT_EQ(catalog_.get(kept.id, "ada").duration_minutes, 30);  // rolled back
}

TEST_F(CatalogUseCases, FiftyServicesAtMostAndDeletingOneMakesRoom) {
  std::vector<std::string> ids;
  for (int i = 0; i < 50; ++i) ids.push_back(offer("ada", "Service " + std::to_string(i)).id);
  EXPECT_EQ(detail_of([&] { offer("ada", "One too many"); }),
            "You have 50 services, the most one specialist may have. Delete one to add another.");
  EXPECT_EQ(store_.data().services.size(), 50u);
  offer("bob", "Another specialist's first");  // the cap is per specialist
  catalog_.remove("ada", ids.front());
  EXPECT_NO_THROW(offer("ada", "In the freed place"));
}

TEST_F(CatalogUseCases, AnUnpublishedServiceIsSeenByItsOwnerOnly) {
  auto service = offer("ada", "Draft");
  ServiceChanges hide;
  hide.published = false;
  catalog_.update("ada", service.id, hide);
  EXPECT_EQ(kind_of([&] { catalog_.get(service.id, "cat"); }), ErrorKind::not_found);
  EXPECT_EQ(catalog_.get(service.id, "ada").title, "Draft");
  EXPECT_TRUE(catalog_.list("ada", "cat").empty());
  EXPECT_EQ(catalog_.list("ada", "ada").size(), 1u);
  EXPECT_TRUE(catalog_.list("cat", "cat").empty());  // a customer lists no services
}

TEST_F(CatalogUseCases, ADeletedServiceIsGoneAndOnlyItsOwnerMayDeleteIt) {
  auto service = offer("ada", "Short-lived");
  EXPECT_EQ(kind_of([&] { catalog_.remove("bob", service.id); }), ErrorKind::not_found);
  catalog_.remove("ada", service.id);
  EXPECT_EQ(kind_of([&] { catalog_.get(service.id, "ada"); }), ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { catalog_.remove("ada", service.id); }), ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { catalog_.update("ada", service.id, {}); }), ErrorKind::not_found);
  EXPECT_TRUE(catalog_.list("ada", "ada").empty());
}

TEST_F(CatalogUseCases, TheRefundPercentageFollowsThePolicy) {
  auto service = offer("ada", "Policy");
  ServiceChanges partial;
  partial.refund_policy = "percentage";
  partial.refund_percentage = 40;
  EXPECT_EQ(catalog_.update("ada", service.id, partial).refund_percentage, 40);
  ServiceChanges none;
  none.refund_policy = "none";
  none.refund_percentage = 40;
  EXPECT_EQ(catalog_.update("ada", service.id, none).refund_percentage, 0);
}

TEST_F(CatalogUseCases, AvailabilityIsSavedReadBackAndSetOnce) {
  EXPECT_FALSE(availability_.find("ada"));
  auto created = availability_.create("ada", every_day("Europe/Berlin"));
  auto found = availability_.find("ada");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->record.id, created.record.id);
  EXPECT_EQ(found->rules.timezone, "Europe/Berlin");
  EXPECT_EQ(found->rules.working_hours[0].size(), 1u);
  EXPECT_EQ(detail_of([&] { availability_.create("ada", every_day()); }),
            "You already have availability; change it with PUT /api/availability/" +
                created.record.id + ".");
  availability_.update("ada", created.record.id, every_day("Asia/Tokyo"));
  EXPECT_EQ(availability_.find("ada")->rules.timezone, "Asia/Tokyo");
  EXPECT_EQ(kind_of([&] { availability_.update("bob", created.record.id, every_day()); }),
            ErrorKind::not_found);
}

TEST_F(CatalogUseCases, ARacingSecondAvailabilityIsAConflict) {
  store_.clash_next_insert = true;
  EXPECT_EQ(detail_of([&] { availability_.create("ada", every_day()); }),
            "This clashes with something that exists.");
  EXPECT_FALSE(availability_.find("ada"));
}

TEST_F(CatalogUseCases, SlotsFollowTheRulesAndLeaveOutBookedTimes) {
  availability_.create("ada", every_day());
  auto service = offer("ada", "Hour");
  const auto monday_9 = now_ms + 3 * 24 * hour_ms + hour_ms;  // 2027-01-18 09:00 UTC
  store_.add_busy("ada", {monday_9, monday_9 + hour_ms, 0});
  auto listed =
      availability_.slots("ada", service.id, {day(2027, 1, 18), day(2027, 1, 18), {}}, false);
  ASSERT_EQ(listed.services.size(), 1u);
  EXPECT_EQ(listed.services[0].slots.size(), 7u);  // 10:00 … 16:00
  EXPECT_EQ(listed.services[0].slots.front().start, at_ms(monday_9 + hour_ms));
  auto calendar =
      availability_.slots("ada", service.id, {day(2027, 1, 18), day(2027, 1, 18), {}}, true);
  EXPECT_EQ(calendar.services[0].slots.front().status, domain::SlotStatus::booked);
  EXPECT_EQ(kind_of([&] { availability_.slots("cat", {}, {}, false); }), ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { availability_.slots("ada", std::string("nope"), {}, false); }),
            ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] {
              availability_.slots("ada", {}, {day(2027, 1, 18), day(2027, 1, 17), {}}, false);
            }),
            ErrorKind::validation);
}

TEST_F(CatalogUseCases, ABlockedSlotIsBlockedUntilFreedAndOnlyByItsOwner) {
  availability_.create("ada", every_day());
  auto service = offer("ada", "Hour");
  const auto start = at_ms(now_ms + 3 * 24 * hour_ms + 2 * hour_ms);  // Monday 10:00 UTC
  EXPECT_EQ(kind_of([&] { availability_.block("bob", service.id, start, ""); }),
            ErrorKind::not_found);
  auto blocked = availability_.block("ada", service.id, start, "dentist");
  EXPECT_EQ(blocked.slot.status, domain::SlotStatus::blocked);
  ASSERT_EQ(store_.data().blocks.size(), 1u);
  EXPECT_EQ(store_.data().blocks[0].reason, "dentist");
  EXPECT_EQ(availability_.check_slot(service.id, start)->slot.status, domain::SlotStatus::blocked);
  auto freed = availability_.unblock("ada", service.id, start);
  EXPECT_EQ(freed.slot.status, domain::SlotStatus::available);
  EXPECT_TRUE(store_.data().blocks.empty());
  // No slot starts at 10:30: nothing there to block.
  EXPECT_EQ(kind_of([&] {
              availability_.block("ada", service.id, start + std::chrono::minutes{30}, "");
            }),
            ErrorKind::not_found);
}

TEST_F(CatalogUseCases, AComputedSlotListStaysCurrentUntilTheScheduleChanges) {
  availability_.create("ada", every_day());
  auto service = offer("ada", "Hour");
  auto listed = availability_.slots("ada", {}, {}, false);
  EXPECT_TRUE(availability_.still_current("ada", listed.basis, now_ms));
  ServiceChanges cheaper;
  cheaper.price = 100;
  catalog_.update("ada", service.id, cheaper);
  EXPECT_FALSE(availability_.still_current("ada", listed.basis, now_ms));
  auto again = availability_.slots("ada", {}, {}, false);
  // A booking somewhere else in the window is noticed too.
  store_.add_busy("ada", {now_ms + 4 * 24 * hour_ms, now_ms + 4 * 24 * hour_ms + hour_ms, 0});
  EXPECT_FALSE(availability_.still_current("ada", again.basis, now_ms));
}

TEST_F(CatalogUseCases, TheSameStoredRulesAreParsedOnce) {
  ParsedRulesCache cache(2);
  AvailabilityRecord record{
      "a1", "ada", "UTC", boost::json::serialize(domain::availability_to_json(every_day())), 0, 0};
  cache.rules(record);
  cache.rules(record);
  EXPECT_EQ(cache.size(), 1u);
  record.rules_json = boost::json::serialize(domain::availability_to_json(every_day("Asia/Tokyo")));
  EXPECT_EQ(cache.rules(record).timezone, "Asia/Tokyo");
  record.rules_json =
      boost::json::serialize(domain::availability_to_json(every_day("UTC", "[30]")));
  cache.rules(record);
  EXPECT_EQ(cache.size(), 1u);  // full at two: cleared, then this one kept
}

class MarketplaceUseCases : public CatalogUseCases {
 protected:
  void SetUp() override {
    CatalogUseCases::SetUp();
    store_.add_user("cy", "specialist", "Cy", "UTC");
    profile("ada", "Compilers", "Navy.", R"(["cobol","compilers"])", R"(["en"])");
    profile("bob", "Tax law", "Bob's bio", R"(["tax"])", R"(["en","de"])");
    profile("cy", "Cooking", "Pasta", R"(["food"])", R"(["it"])");
    offer("ada", "Review", 60, 9000);
    offer("ada", "Chat", 60, 2000);
    offer("bob", "Tax hour", 60, 15000);
    availability_.create("bob", every_day());
  }
  void profile(const std::string& id, const std::string& headline, const std::string& bio,
               const std::string& specialties, const std::string& languages) {
    SpecialistProfileRecord p;
    p.user_id = id;
    p.headline = headline;
    p.bio = bio;
    p.specialties_json = specialties;
    p.languages_json = languages;
    store_.add_profile(p);
  }
  SpecialistDirectory directory_{store_, availability_, clock_};
};

TEST_F(MarketplaceUseCases, FiltersByTextTagLanguageAndPrice) {
  auto names = [&](DirectoryQuery query) {
    std::vector<std::string> out;
    for (const auto& e : directory_.search(query).items) out.push_back(e.user.name);
    return out;
  };
  DirectoryQuery query;
  EXPECT_EQ(names(query), (std::vector<std::string>{"Ada", "Bob", "Cy"}));
  query.filter.text = "PASTA";
  EXPECT_EQ(names(query), (std::vector<std::string>{"Cy"}));
  query = {};
  query.filter.specialty = "Compilers";
  EXPECT_EQ(names(query), (std::vector<std::string>{"Ada"}));
  query = {};
  query.filter.language = "de";
  EXPECT_EQ(names(query), (std::vector<std::string>{"Bob"}));
  query = {};
  query.filter.text = "navy comp";  // every word, as the start of a word
  EXPECT_EQ(names(query), (std::vector<std::string>{"Ada"}));
  query.filter.text = "avy";
  EXPECT_EQ(names(query), (std::vector<std::string>{}));
  query = {};
  query.filter.max_price = 3000;
  query.filter.currency = "USD";
  EXPECT_EQ(names(query), (std::vector<std::string>{"Ada"}));
  auto ada = directory_.search(query).items.front();
  EXPECT_EQ(ada.lowest_price, 2000);
  EXPECT_EQ(ada.service_count, 2);
  query.filter.currency = "EUR";  // the same amounts in another currency are not a match
  EXPECT_EQ(names(query), (std::vector<std::string>{}));
  query.filter.currency.reset();  // a range means nothing without its currency
  EXPECT_EQ(kind_of([&] { directory_.search(query); }), ErrorKind::validation);
}

TEST_F(MarketplaceUseCases, PagesCountEveryMatchAndAvailableOnKeepsTheFreeOnly) {
  DirectoryQuery query;
  query.page = 2;
  query.page_size = 2;
  auto page = directory_.search(query);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].user.name, "Cy");
  EXPECT_FALSE(page.next_after);
  // Keyset: each page after the last one seen, the total the same.
  query.page = 1;
  page = directory_.search(query);
  ASSERT_EQ(page.items.size(), 2u);
  ASSERT_EQ(page.next_after, "bob");
  query.after = page.next_after;
  page = directory_.search(query);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].user.name, "Cy");
  EXPECT_EQ(page.total, 3);
  query.after = "nobody";
  EXPECT_EQ(kind_of([&] { directory_.search(query); }), ErrorKind::validation);
  DirectoryQuery free_on;
  free_on.available_on = day(2027, 1, 20);
  page = directory_.search(free_on);
  ASSERT_EQ(page.items.size(), 1u);  // only Bob has set hours
  EXPECT_EQ(page.items[0].user.name, "Bob");
  EXPECT_EQ(directory_.get("cy").profile.headline, "Cooking");
  EXPECT_EQ(kind_of([&] { directory_.get("cat"); }), ErrorKind::not_found);
}

TEST_F(MarketplaceUseCases, TotalsAreCountedOnceUntilTheDirectoryChanges) {
  DirectoryQuery query;
  query.page_size = 1;
  EXPECT_EQ(directory_.search(query).total, 3);
  query.page = 2;
  EXPECT_EQ(directory_.search(query).total, 3);
  EXPECT_EQ(store_.counts(), 1);  // the second page reused the first's total
  offer("cy", "Pasta class");     // a change: the version moves
  EXPECT_EQ(directory_.search(query).total, 3);
  EXPECT_EQ(store_.counts(), 2);
  query = {};  // one page holds them all: nothing to count
  EXPECT_EQ(directory_.search(query).total, 3);
  EXPECT_EQ(store_.counts(), 2);
}

TEST(EarningsUseCase, MonthsAndCurrenciesApartWithRefundedPaymentsSplitAgain) {
  fakes::FakeSettledPayments payments;
  const std::int64_t july = 1'814'400'000'000;  // 2027-07-01 ~
  const std::int64_t august = july + 31 * 24 * hour_ms;
  payments.add("ada", {10000, 0, "USD", july, 2000});
  payments.add("ada", {10000, 5000, "USD", july + hour_ms, 2000});
  payments.add("ada", {3000, 0, "EUR", august, 600});
  payments.add("bob", {7000, 0, "USD", july, 1400});
  auto rows = earnings(payments, "ada", 2000);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].month, "2027-07");
  EXPECT_EQ(rows[0].gross, 15000);
  EXPECT_EQ(rows[0].platform_fee, 3000);  // 2000 charged + 20% of the 5000 kept
  EXPECT_EQ(rows[0].net, 12000);
  EXPECT_EQ(rows[0].refunded, 5000);
  EXPECT_EQ(rows[0].payments, 2);
  EXPECT_EQ(rows[1].month, "2027-08");
  EXPECT_EQ(rows[1].currency, "EUR");
  EXPECT_EQ(earnings(payments, "", 2000).front().payments, 3);  // the platform: Bob's too
}

class ZoomUseCases : public ::testing::Test {
 protected:
  void SetUp() override {
    security::init_crypto();
    auto first = oauth_.exchange_code("code");
    tokens_.put(
        "ada",
        {box_.seal(first.access_token), box_.seal(first.refresh_token), clock_.now_ms() + 30'000},
        clock_.now_ms());
  }
  ZoomAccounts process() {
    return ZoomAccounts(tokens_, clock_, oauth_, box_,
                        {"client", "https://app.test/cb", "https://zoom.us", "state-secret"});
  }
  FixedClock clock_{now_ms};
  security::SecretBox box_{std::string(40, 'k')};
  fakes::SingleUseRefreshTokens oauth_;
  fakes::FakeZoomTokens tokens_;
};

TEST_F(ZoomUseCases, AnExpiringTokenIsRefreshedOnceAndStoredSealed) {
  auto accounts = process();
  EXPECT_EQ(accounts.access_token("ada"), "access-2");
  EXPECT_EQ(accounts.access_token("ada"), "access-2");
  EXPECT_EQ(oauth_.refreshes, 1);
  EXPECT_NE(tokens_.find("ada")->access_token, "access-2");  // sealed at rest
  EXPECT_FALSE(accounts.access_token("bob"));
}

TEST_F(ZoomUseCases, TwoProcessesRefreshingAtOnceBothGetAWorkingToken) {
  auto first = process(), second = process();
  oauth_.before_refresh = [&] { EXPECT_EQ(second.access_token("ada"), "access-2"); };
  EXPECT_EQ(first.access_token("ada"), "access-2");
  clock_.advance_ms(3600 * 1000);
  EXPECT_EQ(first.access_token("ada"), "access-3");
}

TEST_F(ZoomUseCases, ARefusedRefreshWithNothingNewerIsAnError) {
  auto accounts = process();
  oauth_.before_refresh = [&] { oauth_.refresh("refresh-1"); };
  EXPECT_THROW(accounts.access_token("ada"), std::runtime_error);
}

TEST_F(ZoomUseCases, ConnectingNeedsAStateSignedHereAndDisconnectingForgets) {
  auto accounts = process();
  EXPECT_EQ(kind_of([&] { accounts.connect("code", "forged.state"); }), ErrorKind::bad_request);
  auto url = accounts.authorize_url("bob");
  const auto state = url.substr(url.find("state=") + 6);  // base64url and dots: not escaped
  EXPECT_EQ(accounts.connect("code", state), "bob");
  EXPECT_TRUE(accounts.connected("bob"));
  accounts.disconnect("bob");
  EXPECT_FALSE(accounts.connected("bob"));
  clock_.advance_ms(601'000);
  EXPECT_EQ(kind_of([&] { accounts.connect("code", state); }), ErrorKind::bad_request);
}

}  // namespace
}  // namespace confer::app
