#include "store/booking_repo.hpp"

#include <gtest/gtest.h>

#include "store/testing/test_databases.hpp"

namespace confer::store {
namespace {

constexpr std::int64_t hour = 3'600'000, minute = 60'000;
constexpr std::int64_t day = 1'811'894'400'000;  // 2027-06-02 00:00 UTC

std::int64_t at(int hours, int minutes = 0) {
  return day + hours * hour + minutes * minute;
}

// One specialist and one customer with these bookings (time; guard):
//   A 09:00–10:00 (08:45–10:15)   B 12:00–13:00   L 14:00–20:00
//   X 10:15–11:00, cancelled
class BookingOverlapTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto engines = testing::available_engines();
    if (std::find(engines.begin(), engines.end(), GetParam()) == engines.end())
      GTEST_SKIP() << GetParam() << " is not configured";
    test_ = testing::make_test_database(GetParam());
    test_->database->transaction(TxMode::write, [&](Session& s) {
      for (const char* id : {"s", "c", "other"})
        s.execute(
            "INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at)"
            " VALUES ($1, $1 || '@x.co', 'x', $1, 'specialist', 0, 0)",
            {std::string(id)});
      s.execute(
          "INSERT INTO services (id, specialist_id, title, duration_minutes, price, currency,"
          " created_at, updated_at) VALUES ('svc', 's', 'T', 60, 0, 'USD', 0, 0)");
      add(s, "A", at(9), at(10), at(8, 45), at(10, 15), true);
      add(s, "B", at(12), at(13), at(12), at(13), true);
      add(s, "L", at(14), at(20), at(14), at(20), true);
      add(s, "X", at(10, 15), at(11), at(10, 15), at(11), false);
    });
  }

  static void add(Session& s, const std::string& id, std::int64_t start, std::int64_t end,
                  std::int64_t guard_start, std::int64_t guard_end, bool active) {
    BookingRecord b;
    b.id = id;
    b.specialist_id = "s";
    b.customer_id = "c";
    b.service_id = "svc";
    b.slot_id = "svc." + id;
    b.start_at = start;
    b.end_at = end;
    b.guard_start_at = guard_start;
    b.guard_end_at = guard_end;
    b.status = active ? "confirmed" : "cancelled";
    b.active = active;
    b.payment_currency = "USD";
    BookingRepo(s).insert(b);
  }

  bool specialist_busy(std::int64_t from, std::int64_t to, const std::string& except = "",
                       const std::string& specialist = "s") {
    bool busy = false;
    test_->database->transaction(TxMode::read, [&](Session& s) {
      busy = BookingRepo(s).specialist_has_overlap(specialist, from, to, except);
    });
    return busy;
  }
  bool customer_busy(std::int64_t from, std::int64_t to, const std::string& except = "") {
    bool busy = false;
    test_->database->transaction(TxMode::read, [&](Session& s) {
      busy = BookingRepo(s).customer_has_overlap("c", from, to, except);
    });
    return busy;
  }

  std::unique_ptr<testing::TestDatabase> test_;
};

TEST_P(BookingOverlapTest, TheSpecialistIsBusyWhereverAnActiveGuardReaches) {
  EXPECT_FALSE(specialist_busy(at(10, 15), at(12))) << "between two guards, over a cancellation";
  EXPECT_TRUE(specialist_busy(at(10), at(10, 30))) << "A's buffer after it";
  EXPECT_TRUE(specialist_busy(at(8, 30), at(8, 50))) << "A's buffer before it";
  EXPECT_TRUE(specialist_busy(at(11, 30), at(12, 30))) << "the start of B";
  EXPECT_TRUE(specialist_busy(at(12, 30), at(12, 45))) << "inside B";
  EXPECT_TRUE(specialist_busy(at(19), at(19, 30))) << "late inside the long L";
  EXPECT_TRUE(specialist_busy(at(8), at(23))) << "around everything";
  EXPECT_FALSE(specialist_busy(at(20), at(21))) << "right after L";
  EXPECT_FALSE(specialist_busy(at(12, 30), at(12, 45), "B")) << "B itself is left out";
  EXPECT_TRUE(specialist_busy(at(12, 30), at(14, 30), "B")) << "…but not L";
  EXPECT_FALSE(specialist_busy(at(9), at(10), "", "other")) << "another specialist";
}

TEST_P(BookingOverlapTest, TheCustomerIsBusyDuringActiveBookingsOnly) {
  EXPECT_FALSE(customer_busy(at(10), at(12))) << "between A and B, over a cancellation";
  EXPECT_TRUE(customer_busy(at(9, 59), at(10, 1)));
  EXPECT_TRUE(customer_busy(at(19), at(19, 30))) << "late inside the long L";
  EXPECT_TRUE(customer_busy(at(11), at(21))) << "around B and L";
  EXPECT_FALSE(customer_busy(at(20), at(21))) << "right after L";
  EXPECT_FALSE(customer_busy(at(9, 30), at(9, 45), "A")) << "A itself is left out";
}

INSTANTIATE_TEST_SUITE_P(Engines, BookingOverlapTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace confer::store
