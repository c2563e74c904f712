#include "store/scale_seed.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "domain/availability.hpp"
#include "domain/slot_engine.hpp"
#include "store/testing/seeded_engine_test.hpp"

namespace confer::store {
namespace {

constexpr std::int64_t day_ms = 86'400'000;

// A small marketplace on each engine: what `confer seed-scale` promises.
class ScaleSeedTest : public testing::SeededEngineTest {
 protected:
  void SetUp() override {
    ScaleSeedOptions options;
    options.specialists = 12;
    options.customers = 30;
    options.bookings = 1'500;
    options.busy = 1;
    options.busy_bookings = 600;
    options.batch = 250;
    if (!seed(options)) GTEST_SKIP() << GetParam() << " is not configured";
    result_ = seeded_;
  }

  std::int64_t number(const std::string& sql) {
    std::int64_t value = 0;
    read([&](Session& s) { value = s.query_one(sql)->integer(0); });
    return value;
  }

  ScaleSeedResult result_;
};

TEST_P(ScaleSeedTest, WritesWhatWasAskedWithAPaymentForEveryBooking) {
  EXPECT_EQ(result_.bookings, 1'500);
  EXPECT_EQ(number("SELECT COUNT(*) FROM users WHERE role = 'specialist'"), 12);
  EXPECT_EQ(number("SELECT COUNT(*) FROM users WHERE role = 'customer'"), 30);
  EXPECT_EQ(number("SELECT COUNT(*) FROM bookings"), 1'500);
  EXPECT_EQ(number("SELECT COUNT(*) FROM payments p JOIN bookings b ON b.id = p.booking_id"
                   " WHERE p.amount = b.payment_amount"),
            1'500);
  EXPECT_EQ(number("SELECT COUNT(*) FROM services WHERE published = 1"), result_.services);
  // The busy specialist has its own share; the past year and the next 90 days are covered.
  EXPECT_EQ(number("SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM bookings"
                   " GROUP BY specialist_id) AS counts"),
            600);
  EXPECT_LT(number("SELECT MIN(start_at) FROM bookings"), now - 300 * day_ms);
  EXPECT_GT(number("SELECT MAX(start_at) FROM bookings"), now + 60 * day_ms);
}

TEST_P(ScaleSeedTest, NoCustomerOrSpecialistIsInTwoPlacesAtOnce) {
  for (const char* party : {"customer_id", "specialist_id"})
    EXPECT_EQ(number(std::string("SELECT COUNT(*) FROM bookings a JOIN bookings b ON a.") + party +
                     " = b." + party +
                     " AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at"
                     " WHERE a.active = 1 AND b.active = 1"),
              0)
        << party;
}

TEST_P(ScaleSeedTest, EveryBookingIsOnASlotItsSpecialistsStoredRulesOffer) {
  std::map<std::string, std::set<std::int64_t>> offered;
  std::vector<std::pair<std::string, std::int64_t>> bookings;
  test_->database->transaction(TxMode::read, [&](Session& s) {
    for (const auto& row : s.query("SELECT specialist_id, rules FROM availability")) {
      auto parsed = domain::parse_availability(boost::json::parse(row.text(1)));
      const auto& rules = std::get<domain::AvailabilityRules>(parsed);
      const auto first = date::floor<date::days>(domain::from_unix_ms(now - 366 * day_ms));
      const auto last = date::floor<date::days>(domain::from_unix_ms(now + 91 * day_ms));
      domain::SlotQuery query{domain::LocalDay{first.time_since_epoch()},
                              domain::LocalDay{last.time_since_epoch()}, 60,
                              domain::from_unix_ms(now - 367 * day_ms), true};
      for (const auto& slot :
           domain::compute_slots(rules, domain::find_zone(rules.timezone), query, {}, {}))
        offered[row.text(0)].insert(domain::to_unix_ms(slot.start));
    }
    for (const auto& row : s.query("SELECT specialist_id, start_at FROM bookings"))
      bookings.emplace_back(row.text(0), row.integer(1));
  });
  ASSERT_EQ(bookings.size(), 1'500u);
  for (const auto& [specialist, start] : bookings)
    ASSERT_TRUE(offered[specialist].contains(start)) << specialist << " at " << start;
}

INSTANTIATE_TEST_SUITE_P(Engines, ScaleSeedTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace confer::store
