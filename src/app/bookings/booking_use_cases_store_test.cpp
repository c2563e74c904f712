#include <gtest/gtest.h>

#include "app/bookings/booking_use_cases.hpp"
#include "app/errors.hpp"
#include "app/testing/app_fixture.hpp"
#include "app/testing/errors.hpp"
#include "domain/slot_id.hpp"
#include "integrations/video/jitsi.hpp"
#include "store/booking_transaction.hpp"

namespace confer::app {
namespace {

using testing::kind_of;

domain::Instant at(std::int64_t unix_seconds) {
  return domain::Instant{std::chrono::seconds{unix_seconds}};
}

// 2027-06-02 is a Wednesday; the specialist works 09:00–17:00 UTC every day.
constexpr std::int64_t june_2_0900 = 1811926800;

class BookingUseCasesOnTheStore : public testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    work_ = std::make_unique<store::StoreUnitOfWork>(db());
    bookings_ = std::make_unique<BookingUseCases>(*work_, clock_, video_, BookingSettings{15});
    specialist_ = sign_up("s@x.co", "specialist");
    customer_ = sign_up("c@x.co", "customer");
    availability_->create(specialist_, every_day("09:00", "17:00", "UTC", "[60]"));
    ServiceChanges paid;
    paid.title = "Paid";
    paid.duration_minutes = 60;
    paid.price = 10'000;
    paid.currency = "USD";
    paid.cancellation_deadline_hours = 24;
    paid.refund_policy = "percentage";
    paid.refund_percentage = 50;
    service_ = catalog_->create(specialist_, paid).id;
  }

  std::string slot(std::int64_t start) { return domain::slot_id(service_, at(start)); }

  // Another specialist with the same hours and a paid service; its id.
  std::string another_paid_service(const std::string& email) {
    auto id = sign_up(email, "specialist");
    availability_->create(id, availability_->find(specialist_)->rules);
    ServiceChanges paid;
    paid.title = "Paid too";
    paid.duration_minutes = 60;
    paid.price = 5'000;
    paid.currency = "USD";
    return catalog_->create(id, paid).id;
  }

  integrations::JitsiMeetings video_;
  std::unique_ptr<store::StoreUnitOfWork> work_;
  std::unique_ptr<BookingUseCases> bookings_;
  std::string specialist_, customer_, service_;
};

TEST_P(BookingUseCasesOnTheStore, AnUnpaidHoldExpiresAndFreesTheSlot) {
  auto booking = bookings_->create(customer_, slot(june_2_0900), "");
  EXPECT_EQ(booking.booking.status, domain::BookingStatus::pending);
  clock_.advance_ms(14 * 60'000);
  EXPECT_EQ(bookings_->payments.expire_holds(), 0);
  auto other = sign_up("o@x.co", "customer");
  EXPECT_EQ(kind_of([&] { bookings_->create(other, slot(june_2_0900), ""); }), ErrorKind::conflict);
  clock_.advance_ms(60'001);
  // The next booking attempt releases the expired hold itself, sweep or not.
  auto second = bookings_->create(other, slot(june_2_0900), "");
  EXPECT_EQ(second.booking.status, domain::BookingStatus::pending);
  auto first = bookings_->read.get(customer_, booking.booking.id);
  EXPECT_EQ(first.booking.status, domain::BookingStatus::cancelled);
  EXPECT_EQ(first.booking.cancelled_by, domain::CancelledBy::system);
  EXPECT_EQ(first.booking.payment_status, domain::PaymentStatus::failed);
}

TEST_P(BookingUseCasesOnTheStore, PaymentConfirmsAndTheCancellationPolicyDecidesTheRefund) {
  auto booking = bookings_->create(customer_, slot(june_2_0900), "");
  auto confirmed = bookings_->payments.paid(booking.booking.id);
  EXPECT_EQ(confirmed.booking.status, domain::BookingStatus::confirmed);
  EXPECT_EQ(confirmed.booking.payment_status, domain::PaymentStatus::completed);
  ASSERT_TRUE(confirmed.booking.meeting_url);
  // Payment confirmations arrive more than once: nothing changes the second time.
  EXPECT_EQ(bookings_->payments.paid(booking.booking.id).booking.meeting_url,
            confirmed.booking.meeting_url);
  // Cancel 2 hours before the start: inside the 24-hour deadline's late zone → 50%.
  clock_.set(june_2_0900 * 1000 - 2 * 3'600'000);
  auto cancelled = bookings_->cancel.cancel(customer_, booking.booking.id, "ill");
  EXPECT_FALSE(cancelled.refund.within_deadline);
  EXPECT_EQ(cancelled.refund.amount, 5'000);
  EXPECT_EQ(cancelled.booking.booking.refund_amount, 5'000);
  EXPECT_EQ(cancelled.booking.booking.payment_status, domain::PaymentStatus::refund_pending);
}

TEST_P(BookingUseCasesOnTheStore, AnEarlyCancellationIsRefundedInFull) {
  auto booking = bookings_->create(customer_, slot(june_2_0900 + 3600), "");
  bookings_->payments.paid(booking.booking.id);
  auto cancelled = bookings_->cancel.cancel(customer_, booking.booking.id, "");
  EXPECT_TRUE(cancelled.refund.within_deadline);
  EXPECT_EQ(cancelled.refund.amount, 10'000);
}

TEST_P(BookingUseCasesOnTheStore, SessionsRunOnTheSpecialistsWordAndRecordTheirLength) {
  auto booking = bookings_->create(customer_, slot(june_2_0900), "");
  bookings_->payments.paid(booking.booking.id);
  clock_.set(june_2_0900 * 1000 - 20 * 60'000);
  EXPECT_EQ(kind_of([&] { bookings_->sessions.start(specialist_, booking.booking.id); }),
            ErrorKind::conflict);
  clock_.set(june_2_0900 * 1000 - 5 * 60'000);
  EXPECT_EQ(kind_of([&] { bookings_->sessions.start(customer_, booking.booking.id); }),
            ErrorKind::forbidden);
  EXPECT_EQ(bookings_->sessions.start(specialist_, booking.booking.id).booking.status,
            domain::BookingStatus::in_progress);
  EXPECT_EQ(kind_of([&] { bookings_->cancel.cancel(customer_, booking.booking.id, ""); }),
            ErrorKind::conflict);
  clock_.advance_ms(55 * 60'000);
  auto done = bookings_->sessions.end(specialist_, booking.booking.id);
  EXPECT_EQ(done.booking.status, domain::BookingStatus::completed);
  EXPECT_EQ(*done.booking.session_ended_at - *done.booking.session_started_at, 55 * 60'000);
  EXPECT_EQ(kind_of([&] { bookings_->sessions.end(specialist_, booking.booking.id); }),
            ErrorKind::conflict);
}

TEST_P(BookingUseCasesOnTheStore, NoShowOnlyAfterTheStart) {
  auto booking = bookings_->create(customer_, slot(june_2_0900), "");
  bookings_->payments.paid(booking.booking.id);
  EXPECT_EQ(kind_of([&] { bookings_->sessions.mark_no_show(specialist_, booking.booking.id); }),
            ErrorKind::conflict);
  clock_.set(june_2_0900 * 1000 + 10 * 60'000);
  EXPECT_EQ(bookings_->sessions.mark_no_show(specialist_, booking.booking.id).booking.status,
            domain::BookingStatus::no_show);
}

TEST_P(BookingUseCasesOnTheStore, ARescheduleThatFailsChangesNothing) {
  auto mine = bookings_->create(customer_, slot(june_2_0900), "");
  auto other = sign_up("o@x.co", "customer");
  bookings_->create(other, slot(june_2_0900 + 7200), "");
  EXPECT_EQ(
      kind_of([&] { bookings_->reschedule(customer_, mine.booking.id, slot(june_2_0900 + 7200)); }),
      ErrorKind::conflict);
  auto after = bookings_->read.get(customer_, mine.booking.id);
  EXPECT_EQ(after.booking.start_at, june_2_0900 * 1000);
  EXPECT_TRUE(after.booking.active());
  // Its own time is no obstacle: moving by an hour overlapping itself is fine.
  auto moved = bookings_->reschedule(customer_, mine.booking.id, slot(june_2_0900 + 3600));
  EXPECT_EQ(moved.booking.start_at, (june_2_0900 + 3600) * 1000);
}

TEST_P(BookingUseCasesOnTheStore, ACancellationFollowsThePolicyTheBookingWasSoldUnder) {
  auto booking = bookings_->create(customer_, slot(june_2_0900), "");
  bookings_->payments.paid(booking.booking.id);
  // After the sale the specialist makes the service's policy as strict as it gets.
  ServiceChanges strict;
  strict.cancellation_deadline_hours = 720;
  strict.refund_policy = "none";
  catalog_->update(specialist_, service_, strict);
  clock_.set(june_2_0900 * 1000 - 48 * 3'600'000);  // 48 h before: inside the sold 24 h deadline
  EXPECT_EQ(bookings_->read.cancellation_quote(customer_, booking.booking.id).amount, 10'000);
  auto cancelled = bookings_->cancel.cancel(customer_, booking.booking.id, "");
  EXPECT_TRUE(cancelled.refund.within_deadline);
  EXPECT_EQ(cancelled.refund.amount, 10'000);
  EXPECT_EQ(cancelled.booking.booking.policy.late_refund, domain::RefundPolicy::percentage);
  // A booking made now is sold under the new policy.
  auto later = bookings_->create(customer_, slot(june_2_0900 + 7200), "");
  EXPECT_EQ(later.booking.policy.late_refund, domain::RefundPolicy::none);
  EXPECT_EQ(later.booking.policy.deadline_hours, 720);
}

TEST_P(BookingUseCasesOnTheStore, ASessionEndedEarlyKeepsItsTimeFromEveryoneElse) {
  auto booking = bookings_->create(customer_, slot(june_2_0900), "");
  bookings_->payments.paid(booking.booking.id);
  clock_.set(june_2_0900 * 1000 - 15 * 60'000);
  bookings_->sessions.start(specialist_, booking.booking.id);
  clock_.advance_ms(5 * 60'000);
  auto ended = bookings_->sessions.end(specialist_, booking.booking.id);
  EXPECT_EQ(ended.booking.status, domain::BookingStatus::completed);
  EXPECT_TRUE(ended.booking.active());
  // Ten minutes before its start the slot is still in the future: not offered again.
  const domain::LocalDay june_2{date::sys_days{date::year{2027} / 6 / 2}.time_since_epoch()};
  auto calendar = availability_->slots(specialist_, service_, {june_2, june_2, std::nullopt}, true);
  ASSERT_FALSE(calendar.services.empty());
  bool seen = false;
  for (const auto& s : calendar.services.front().slots)
    if (s.start == at(june_2_0900)) {
      seen = true;
      EXPECT_EQ(s.status, domain::SlotStatus::booked);
    }
  EXPECT_TRUE(seen);
  auto other = sign_up("o@x.co", "customer");
  EXPECT_EQ(kind_of([&] { bookings_->create(other, slot(june_2_0900), ""); }), ErrorKind::conflict);
  // A no-show keeps its time too.
  auto next = bookings_->create(customer_, slot(june_2_0900 + 3600), "");
  bookings_->payments.paid(next.booking.id);
  clock_.set((june_2_0900 + 3600) * 1000 + 10 * 60'000);
  EXPECT_TRUE(bookings_->sessions.mark_no_show(specialist_, next.booking.id).booking.active());
}

TEST_P(BookingUseCasesOnTheStore, OneCustomerHoldsOnlyAFewUnpaidSlotsAtOnce) {
  const auto hour = [](int h) { return june_2_0900 + (h - 9) * 3600; };
  // Defaults: 3 unpaid holds in all, 2 with one specialist.
  auto first = bookings_->create(customer_, slot(hour(9)), "");
  EXPECT_EQ(first.booking.status, domain::BookingStatus::pending);
  bookings_->create(customer_, slot(hour(10)), "");
  EXPECT_EQ(kind_of([&] { bookings_->create(customer_, slot(hour(11)), ""); }),
            ErrorKind::too_many_requests);
  auto second = another_paid_service("t@x.co");
  bookings_->create(customer_, domain::slot_id(second, at(hour(11))), "");
  auto third = another_paid_service("u@x.co");
  EXPECT_EQ(
      kind_of([&] { bookings_->create(customer_, domain::slot_id(third, at(hour(12))), ""); }),
      ErrorKind::too_many_requests);
  // Paying for one frees a place.
  bookings_->payments.paid(first.booking.id);
  bookings_->create(customer_, slot(hour(13)), "");
  // So do holds running out: all of them ran out after 15 minutes.
  clock_.advance_ms(16 * 60'000);
  bookings_->create(customer_, domain::slot_id(third, at(hour(12))), "");
  bookings_->create(customer_, slot(hour(14)), "");
  bookings_->create(customer_, slot(hour(15)), "");
  EXPECT_EQ(kind_of([&] { bookings_->create(customer_, slot(hour(16)), ""); }),
            ErrorKind::too_many_requests);
}

CONFER_ON_EVERY_ENGINE(BookingUseCasesOnTheStore);

}  // namespace
}  // namespace confer::app
