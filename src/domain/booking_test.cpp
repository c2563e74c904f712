#include "domain/booking.hpp"

#include <gtest/gtest.h>

namespace confer::domain {
namespace {

constexpr std::int64_t hour = 3'600'000;
constexpr std::int64_t start = 1'811'926'800'000;  // 2027-06-02 09:00 UTC

Booking paid_and_confirmed() {
  Booking b;
  b.id = "b1";
  b.customer_id = "c";
  b.specialist_id = "s";
  b.slot_id = "svc.1";
  b.start_at = start;
  b.end_at = start + hour;
  b.price = {10'000, "USD"};
  b.policy = {24, RefundPolicy::percentage, 50};
  b.payment_status = PaymentStatus::completed;
  b.hold_expires_at = start - 48 * hour;
  EXPECT_TRUE(b.confirm(std::nullopt, start - 49 * hour));
  return b;
}

TEST(Booking, NamesRoundTrip) {
  for (auto s : {PaymentStatus::pending, PaymentStatus::completed, PaymentStatus::not_required,
                 PaymentStatus::failed, PaymentStatus::refund_pending, PaymentStatus::refunded,
                 PaymentStatus::refund_failed})
    EXPECT_EQ(parse_payment_status(to_string(s)), s);
  EXPECT_EQ(to_string(PaymentStatus::refund_pending), "refund-pending");
  EXPECT_EQ(parse_cancelled_by("system"), CancelledBy::system);
  EXPECT_EQ(parse_role("admin"), Role::admin);
  EXPECT_EQ(parse_role("root"), std::nullopt);
}

TEST(Booking, AConfirmationReleasesTheHoldAndSaysWhy) {
  auto b = paid_and_confirmed();
  EXPECT_EQ(b.status, BookingStatus::confirmed);
  EXPECT_FALSE(b.hold_expires_at);
  EXPECT_EQ(b.confirmed_at, start - 49 * hour);
  // Twice is refused: the machine has moved on.
  auto again = b.confirm(std::nullopt, start);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.refusal().kind, Refusal::Kind::conflict);
  EXPECT_EQ(again.refusal().message, "A confirmed booking cannot become confirmed.");
}

TEST(Booking, EveryChangeReturnsItsAuditEvent) {
  auto b = paid_and_confirmed();
  auto started = b.start_session("s", start - 10 * 60'000);
  ASSERT_TRUE(started);
  EXPECT_EQ(started.value().action, "booking.status_changed");
  EXPECT_EQ(started.value().from_state, "confirmed");
  EXPECT_EQ(started.value().to_state, "in-progress");
  EXPECT_EQ(started.value().actor_id, "s");
  EXPECT_EQ(started.value().detail, "session started");
  EXPECT_TRUE(b.active());
  ASSERT_TRUE(b.end_session("s", start + 10 * 60'000));
  EXPECT_EQ(b.status, BookingStatus::completed);
  EXPECT_TRUE(b.active()) << "a session ended early keeps its time";
}

TEST(Booking, OnlyTheSpecialistRunsTheSessionAndNotTooEarly) {
  auto b = paid_and_confirmed();
  EXPECT_EQ(b.start_session("c", start).refusal().kind, Refusal::Kind::forbidden);
  EXPECT_EQ(b.start_session("s", start - session_start_lead_ms - 1).refusal().kind,
            Refusal::Kind::conflict);
  EXPECT_TRUE(b.start_session("s", start - session_start_lead_ms));
  EXPECT_EQ(b.mark_no_show("s", start).refusal().kind, Refusal::Kind::conflict);
}

TEST(Booking, ACancellationFollowsThePolicyItWasSoldUnder) {
  auto b = paid_and_confirmed();
  auto late = b;
  auto cancelled = late.cancel("c", "ill", start - 2 * hour);
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled.value().refund.amount, 5'000);
  EXPECT_EQ(late.refund_amount, 5'000);
  EXPECT_EQ(late.payment_status, PaymentStatus::refund_pending);
  EXPECT_EQ(late.cancelled_by, CancelledBy::customer);
  EXPECT_FALSE(late.active());
  // The specialist's cancellation gives everything back.
  auto by_specialist = b;
  EXPECT_EQ(by_specialist.cancel("s", "", start - hour).value().refund.amount, 10'000);
  EXPECT_EQ(by_specialist.cancelled_by, CancelledBy::specialist);
  // An unpaid hold cancelled is a failed payment, with nothing to refund.
  Booking hold;
  hold.customer_id = "c";
  hold.price = {10'000, "USD"};
  auto dropped = hold.cancel("c", "", start);
  EXPECT_EQ(dropped.value().refund.amount, 0);
  EXPECT_EQ(hold.payment_status, PaymentStatus::failed);
}

TEST(Booking, AnExpiredHoldIsCancelledByTheSystem) {
  Booking hold;
  hold.hold_expires_at = start;
  EXPECT_FALSE(hold.hold_lapsed(start - 1));
  EXPECT_TRUE(hold.hold_lapsed(start));
  auto expired = hold.expire_hold(start);
  ASSERT_TRUE(expired);
  EXPECT_EQ(expired.value().actor_id, std::nullopt);
  EXPECT_EQ(hold.cancelled_by, CancelledBy::system);
  EXPECT_EQ(hold.payment_status, PaymentStatus::failed);
}

TEST(Booking, EachPartyWritesOnlyTheirOwnNotes) {
  auto b = paid_and_confirmed();
  NoteChanges customer_note, shared_note, specialist_notes;
  customer_note.customer_notes = "x";
  shared_note.shared_notes = "x";
  specialist_notes.specialist_notes = "mine";
  specialist_notes.shared_notes = "ours";
  EXPECT_EQ(b.change_notes("s", customer_note)->field, "customerNotes");
  EXPECT_EQ(b.change_notes("c", shared_note)->field, "sharedNotes");
  EXPECT_FALSE(b.change_notes("s", specialist_notes));
  EXPECT_EQ(b.specialist_notes, "mine");
  EXPECT_EQ(b.shared_notes, "ours");
}

TEST(Booking, ARefundIsRequestedOnceByTheCustomer) {
  auto b = paid_and_confirmed();
  EXPECT_EQ(b.request_refund("s", "", start).refusal().kind, Refusal::Kind::forbidden);
  auto asked = b.request_refund("c", "bad line", start + 2 * hour);
  ASSERT_TRUE(asked);
  EXPECT_EQ(asked.value().event.action, "booking.refund_requested");
  EXPECT_EQ(asked.value().refund.amount, 5'000);
  EXPECT_EQ(b.request_refund("c", "", start).refusal().message, "A refund was already requested.");
}

TEST(Booking, AMoveToAnotherSlotKeepsWhereItCameFrom) {
  auto b = paid_and_confirmed();
  auto moved =
      b.move_to_slot({"svc.2", start + hour, start + 2 * hour, {start + hour, start + 2 * hour}},
                     "c", start - 30 * hour);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved.value().from_state, "svc.1");
  EXPECT_EQ(moved.value().to_state, "svc.2");
  EXPECT_EQ(b.rescheduled_from, "svc.1");
  EXPECT_EQ(b.start_at, start + hour);
  ASSERT_TRUE(b.cancel("c", "", start - 30 * hour));
  EXPECT_FALSE(b.move_to_slot({"svc.3", start, start + hour, {start, start + hour}}, "c", start));
}

}  // namespace
}  // namespace confer::domain
