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
    domain::Booking b;
    b.id = id;
    b.specialist_id = "s";
    b.customer_id = "c";
    b.service_id = "svc";
    b.slot_id = "svc." + id;
    b.start_at = start;
    b.end_at = end;
    b.guard_start_at = guard_start;
    b.guard_end_at = guard_end;
    b.status = active ? domain::BookingStatus::confirmed : domain::BookingStatus::cancelled;
    b.price.currency = "USD";
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

TEST_P(BookingOverlapTest, EveryColumnRoundTripsAndAnUpdateKeepsWhatNeverChanges) {
  domain::Booking b;
  b.id = "R";
  b.specialist_id = "s";
  b.customer_id = "c";
  b.service_id = "svc";
  b.slot_id = "svc.r";
  b.start_at = at(21);
  b.end_at = at(22);
  b.guard_start_at = at(21);
  b.guard_end_at = at(22);
  b.status = domain::BookingStatus::cancelled;
  b.hold_expires_at = at(1);
  b.customer_notes = "c notes";
  b.specialist_notes = "s notes";
  b.shared_notes = "shared";
  b.cancelled_by = domain::CancelledBy::specialist;
  b.cancellation_reason = "ill";
  b.cancelled_at = at(2);
  b.price = {12'345, "EUR"};
  b.payment_status = domain::PaymentStatus::refund_pending;
  b.refund_amount = 6'000;
  b.session_started_at = at(3);
  b.session_ended_at = at(4);
  b.rescheduled_from = "svc.q";
  b.created_at = at(0);
  b.updated_at = at(5);
  b.meeting_provider = "zoom";
  b.meeting_url = "https://zoom.example/j/1";
  b.refund_requested_at = at(6);
  b.refund_request_reason = "why";
  b.confirmed_at = at(7);
  b.policy = {48, domain::RefundPolicy::percentage, 30};
  b.customer_timezone = "Asia/Tokyo";
  test_->database->transaction(TxMode::write, [&](Session& s) { BookingRepo(s).insert(b); });
  std::optional<domain::Booking> read;
  test_->database->transaction(TxMode::read, [&](Session& s) { read = BookingRepo(s).find("R"); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->cancelled_by, b.cancelled_by);
  EXPECT_EQ(read->price, b.price);
  EXPECT_EQ(read->payment_status, b.payment_status);
  EXPECT_EQ(read->policy.late_refund, domain::RefundPolicy::percentage);
  EXPECT_EQ(read->policy.late_refund_percentage, 30);
  EXPECT_EQ(read->customer_timezone, "Asia/Tokyo");
  EXPECT_EQ(read->meeting_url, b.meeting_url);
  EXPECT_EQ(read->confirmed_at, b.confirmed_at);
  EXPECT_EQ(read->refund_request_reason, "why");

  // An update writes what may change; the sold policy, the parties and a
  // meeting link are kept (a link is only ever added).
  auto changed = *read;
  changed.customer_notes = "new";
  changed.policy = {};
  changed.customer_id = "other";
  changed.meeting_url.reset();
  test_->database->transaction(TxMode::write, [&](Session& s) { BookingRepo(s).update(changed); });
  test_->database->transaction(TxMode::read, [&](Session& s) { read = BookingRepo(s).find("R"); });
  EXPECT_EQ(read->customer_notes, "new");
  EXPECT_EQ(read->policy.deadline_hours, 48);
  EXPECT_EQ(read->customer_id, "c");
  EXPECT_EQ(read->meeting_url, b.meeting_url);
}

INSTANTIATE_TEST_SUITE_P(Engines, BookingOverlapTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace confer::store
