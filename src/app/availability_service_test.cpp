#include "app/availability_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/errors.hpp"
#include "app/testing/app_fixture.hpp"
#include "store/availability_repo.hpp"

namespace confer::app {
namespace {

domain::LocalDay day(int y, unsigned m, unsigned d) {
  return domain::LocalDay{date::sys_days{date::year{y} / m / d}.time_since_epoch()};
}

// Long slot lists are computed a week at a time and cut at a slot limit;
// what they hold must be exactly what the slot engine gives for the range.
class BoundedSlotListTest : public testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    specialist_ = sign_up("s@x.co", "specialist", "Europe/Berlin");
    rules_ = every_day("00:00", "24:00", "Europe/Berlin", "[5, 45]");
    availability_->create(specialist_, rules_);
  }

  std::string service(int minutes) {
    ServiceChanges draft;
    draft.title = std::to_string(minutes) + " minutes";
    draft.duration_minutes = minutes;
    return catalog_->create(specialist_, draft).id;
  }

  domain::AvailabilityRules rules_;
  std::string specialist_;
};

TEST_P(BoundedSlotListTest, WeekByWeekGivesWhatTheEngineGivesAcrossDstChanges) {
  const auto id = service(45);  // 45 minutes: slots cross midnight's grid differently each day
  // 2027-03-28 (spring forward) and 2027-10-31 (fall back) in Berlin.
  for (auto [from, to] : {std::pair{day(2027, 3, 20), day(2027, 4, 10)},
                          std::pair{day(2027, 10, 24), day(2027, 11, 14)}}) {
    auto listed = availability_->slots(specialist_, id, {from, to, std::nullopt}, false);
    ASSERT_EQ(listed.services.size(), 1u);
    EXPECT_FALSE(listed.next_after);
    domain::SlotQuery query{from, to, 45, domain::Instant{std::chrono::seconds{1'800'000'000}},
                            false};
    auto expected =
        domain::compute_slots(rules_, domain::find_zone("Europe/Berlin"), query, {}, {});
    const auto& got = listed.services.front().slots;
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].start, expected[i].start) << i;
  }
}

TEST_P(BoundedSlotListTest, ALongListStopsAtTheLimitAndTheNextPageGoesOn) {
  for (int i = 0; i < 3; ++i) service(5);  // three services of 288 slots a day each
  const auto from = day(2027, 2, 1), to = from + date::days{max_slot_range_days};
  auto first = availability_->slots(specialist_, std::nullopt, {from, to, std::nullopt}, false);
  std::vector<domain::Instant> starts;
  for (const auto& s : first.services)
    for (const auto& slot : s.slots) starts.push_back(slot.start);
  ASSERT_TRUE(first.next_after);
  EXPECT_LE(starts.size(), max_slots_per_list);
  EXPECT_GT(starts.size(), max_slots_per_list - 3);  // cut between instants, never inside one
  for (auto start : starts) EXPECT_LT(start, *first.next_after);

  auto second =
      availability_->slots(specialist_, std::nullopt, {from, to, first.next_after}, false);
  ASSERT_FALSE(second.services.front().slots.empty());
  EXPECT_EQ(second.services.front().slots.front().start, *first.next_after);
  for (const auto& s : second.services)
    for (const auto& slot : s.slots) EXPECT_GE(slot.start, *first.next_after);

  EXPECT_THROW(availability_->slots(specialist_, std::nullopt,
                                    {from, to + date::days{1}, std::nullopt}, false),
               Error);
}

TEST_P(BoundedSlotListTest, StoredRulesThatAreRefusedNowAreLeftOutNotFatal) {
  // Saved before BYWEEKNO was refused: the other rules still give slots.
  const auto id = service(45);
  auto record = *availability_->find(specialist_);
  auto json = boost::json::parse(record.record.rules_json).as_object();
  json["workingHours"] = boost::json::object{};
  json["recurringRules"] = boost::json::array{
      {{"rrule", "FREQ=YEARLY;BYWEEKNO=20"}, {"start", "2027-01-04T09:00"}, {"duration", 60}},
      {{"rrule", "FREQ=WEEKLY;BYDAY=MO"}, {"start", "2027-01-04T09:00"}, {"duration", 90}}};
  record.record.rules_json = boost::json::serialize(json);
  db().transaction(store::TxMode::write, [&](store::Session& session) {
    store::AvailabilityRepo(session).update(record.record);
  });
  auto listed =
      availability_->slots(specialist_, id, {day(2027, 2, 1), day(2027, 2, 7), {}}, false);
  ASSERT_EQ(listed.services.size(), 1u);
  EXPECT_EQ(listed.services.front().slots.size(), 2u);  // Monday 09:00 and 09:45, Berlin
}

CONFER_ON_EVERY_ENGINE(BoundedSlotListTest);

}  // namespace
}  // namespace confer::app
