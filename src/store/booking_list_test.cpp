#include <gtest/gtest.h>

#include "store/booking_repo.hpp"
#include "store/testing/seeded_engine_test.hpp"

namespace confer::store {
namespace {

// A busy specialist's bookings list on each engine, page by page, against the
// same bookings sorted here.
class BookingListTest : public testing::SeededEngineTest {
 protected:
  void SetUp() override {
    ScaleSeedOptions options;
    options.specialists = 3;
    options.customers = 40;
    options.bookings = 900;
    options.busy = 1;
    options.busy_bookings = 700;
    if (!seed(options)) GTEST_SKIP() << GetParam() << " is not configured";
    read([&](Session& s) {
      specialist_ = s.query_one(
                         "SELECT specialist_id FROM bookings GROUP BY specialist_id"
                         " ORDER BY COUNT(*) DESC LIMIT 1")
                        ->text(0);
      for (const auto& row :
           s.query("SELECT id, start_at, end_at, status FROM bookings WHERE specialist_id = $1",
                   {specialist_}))
        all_.push_back({row.text(0), row.integer(1), row.integer(2), row.text(3)});
    });
  }

  struct Row {
    std::string id;
    std::int64_t start_at, end_at;
    std::string status;
  };

  // What the list should hold, in its order.
  std::vector<std::string> expected(const BookingFilter& f) {
    std::vector<Row> rows;
    for (const auto& r : all_) {
      if (f.status && r.status != domain::to_string(*f.status)) continue;
      if (f.upcoming && (*f.upcoming ? r.end_at <= f.now : r.end_at > f.now)) continue;
      rows.push_back(r);
    }
    const bool ascending = f.upcoming.value_or(false);
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
      return ascending ? std::tie(a.start_at, a.id) < std::tie(b.start_at, b.id)
                       : std::tie(a.start_at, a.id) > std::tie(b.start_at, b.id);
    });
    std::vector<std::string> ids;
    for (const auto& r : rows) ids.push_back(r.id);
    return ids;
  }

  // Every page by keyset, 37 at a time, and the count beside each.
  std::vector<std::string> walk(BookingFilter f) {
    std::vector<std::string> ids;
    f.limit = 37;
    for (;;) {
      std::vector<domain::Booking> page;
      std::int64_t count = 0;
      read([&](Session& s) {
        page = BookingRepo(s).list(f);
        count = BookingRepo(s).count(f);
      });
      EXPECT_EQ(count, static_cast<std::int64_t>(expected(f).size()));
      for (const auto& b : page) ids.push_back(b.id);
      if (page.size() < 37u) return ids;
      f.after = BookingFilter::Position{page.back().start_at, page.back().id};
    }
  }

  std::string specialist_;
  std::vector<Row> all_;
};

TEST_P(BookingListTest, KeysetPagesHoldEveryBookingOnceInTheListsOrder) {
  ASSERT_GE(all_.size(), 700u);
  BookingFilter all{specialist_, true, std::nullopt, std::nullopt, now, std::nullopt};
  EXPECT_EQ(walk(all), expected(all));
  auto upcoming = all;
  upcoming.upcoming = true;
  EXPECT_EQ(walk(upcoming), expected(upcoming));
  EXPECT_FALSE(expected(upcoming).empty());
  auto past = all;
  past.upcoming = false;
  EXPECT_EQ(walk(past), expected(past));
  auto completed = past;
  completed.status = domain::BookingStatus::completed;
  EXPECT_EQ(walk(completed), expected(completed));
}

TEST_P(BookingListTest, ADeepPageByOffsetIsTheSameAsByKeyset) {
  BookingFilter f{specialist_, true, std::nullopt, std::nullopt, now, std::nullopt};
  f.offset = 500;
  f.limit = 20;
  std::vector<std::string> ids;
  read([&](Session& s) {
    for (const auto& b : BookingRepo(s).list(f)) ids.push_back(b.id);
  });
  const auto all = expected(f);
  EXPECT_EQ(ids, std::vector<std::string>(all.begin() + 500, all.begin() + 520));
}

INSTANTIATE_TEST_SUITE_P(Engines, BookingListTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace confer::store
