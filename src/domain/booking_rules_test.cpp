#include "domain/booking_rules.hpp"

#include <gtest/gtest.h>

namespace confer::domain {
namespace {

constexpr std::int64_t hour = 3'600'000;

TEST(BookingStatus, OnlyTheLifecycleTransitionsAreAllowed) {
  using S = BookingStatus;
  const S all[] = {S::pending,   S::confirmed, S::in_progress,
                   S::completed, S::cancelled, S::no_show};
  int allowed = 0;
  for (auto from : all)
    for (auto to : all) allowed += can_transition(from, to);
  EXPECT_EQ(allowed, 6);
  EXPECT_TRUE(can_transition(S::pending, S::confirmed));
  EXPECT_TRUE(can_transition(S::pending, S::cancelled));
  EXPECT_TRUE(can_transition(S::confirmed, S::in_progress));
  EXPECT_TRUE(can_transition(S::confirmed, S::cancelled));
  EXPECT_TRUE(can_transition(S::confirmed, S::no_show));
  EXPECT_TRUE(can_transition(S::in_progress, S::completed));
  EXPECT_FALSE(can_transition(S::completed, S::cancelled));
  EXPECT_FALSE(can_transition(S::cancelled, S::confirmed));
  EXPECT_FALSE(can_transition(S::pending, S::in_progress));
  for (auto status : all) EXPECT_EQ(parse_booking_status(to_string(status)), status);
  EXPECT_TRUE(is_active(S::pending) && is_active(S::confirmed) && is_active(S::in_progress));
  // A session that ended early or was missed keeps its sold time.
  EXPECT_TRUE(is_active(S::completed) && is_active(S::no_show));
  EXPECT_FALSE(is_active(S::cancelled));
}

TEST(Cancellation, InsideTheDeadlineIsAFullRefund) {
  CancellationPolicy policy{24, RefundPolicy::none, 0};
  auto d = refund_for_cancellation(policy, 9900, 100 * hour, 76 * hour, CancelledBy::customer);
  EXPECT_TRUE(d.within_deadline);
  EXPECT_EQ(d.amount, 9900);
}

TEST(Cancellation, LateCancellationsFollowThePolicy) {
  const std::int64_t start = 100 * hour, late = 90 * hour;
  EXPECT_EQ(
      refund_for_cancellation({24, RefundPolicy::none, 0}, 9900, start, late, CancelledBy::customer)
          .amount,
      0);
  EXPECT_EQ(refund_for_cancellation({24, RefundPolicy::full, 100}, 9900, start, late,
                                    CancelledBy::customer)
                .amount,
            9900);
  EXPECT_EQ(refund_for_cancellation({24, RefundPolicy::percentage, 50}, 9900, start, late,
                                    CancelledBy::customer)
                .amount,
            4950);
  // Half up: 33% of 1001 = 330.33 → 330; 50% of 999 = 499.5 → 500; yen have no decimals either way.
  EXPECT_EQ(refund_for_cancellation({24, RefundPolicy::percentage, 33}, 1001, start, late,
                                    CancelledBy::customer)
                .amount,
            330);
  EXPECT_EQ(refund_for_cancellation({24, RefundPolicy::percentage, 50}, 999, start, late,
                                    CancelledBy::customer)
                .amount,
            500);
}

TEST(Cancellation, ExactlyAtTheDeadlineStillCounts) {
  auto d = refund_for_cancellation({24, RefundPolicy::none, 0}, 5000, 48 * hour, 24 * hour,
                                   CancelledBy::customer);
  EXPECT_TRUE(d.within_deadline);
  EXPECT_EQ(d.amount, 5000);
  auto a_ms_late = refund_for_cancellation({24, RefundPolicy::none, 0}, 5000, 48 * hour,
                                           24 * hour + 1, CancelledBy::customer);
  EXPECT_EQ(a_ms_late.amount, 0);
}

TEST(Cancellation, SpecialistsAndTheSystemRefundEverything) {
  for (auto by : {CancelledBy::specialist, CancelledBy::system})
    EXPECT_EQ(
        refund_for_cancellation({24, RefundPolicy::none, 0}, 7000, 10 * hour, 9 * hour, by).amount,
        7000);
}

TEST(Cancellation, NothingPaidNothingRefunded) {
  EXPECT_EQ(refund_for_cancellation({24, RefundPolicy::full, 100}, 0, 10 * hour, 0,
                                    CancelledBy::specialist)
                .amount,
            0);
}

TEST(Guard, HalfTheBufferOnEachSideKeepsBookingsOneBufferApart) {
  auto a = booking_guard(10 * hour, 11 * hour, 15);
  EXPECT_EQ(a.start_ms, 10 * hour - 450'000);
  EXPECT_EQ(a.end_ms, 11 * hour + 450'000);
  auto b = booking_guard(11 * hour + 15 * 60'000, 12 * hour, 15);  // exactly one buffer later
  EXPECT_LE(a.end_ms, b.start_ms);
  auto c = booking_guard(11 * hour + 14 * 60'000, 12 * hour, 15);  // a minute too early
  EXPECT_GT(a.end_ms, c.start_ms);
}

}  // namespace
}  // namespace confer::domain
