// The booking use cases over in-memory ports (tests/fakes): the rules a
// customer and a specialist meet, without a database. The store's own tests
// (src/store, src/app/bookings/*_store_test.cpp) check the same ports on
// SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "app/booking_events.hpp"
#include "app/bookings/booking_use_cases.hpp"
#include "app/errors.hpp"
#include "domain/slot_id.hpp"
#include "fakes/booking_world.hpp"
#include "security/crypto.hpp"

namespace confer::app {
namespace {

// 2027-06-02 09:00 UTC; the specialist works 09:00–17:00 UTC every day.
constexpr std::int64_t june_2_0900 = 1'811'926'800'000;
constexpr std::int64_t hour = 3'600'000;
constexpr std::int64_t minute = 60'000;

ErrorKind kind_of(const std::function<void()>& action, std::string* detail = nullptr) {
  try {
    action();
  } catch (const Error& error) {
    if (detail) *detail = error.detail();
    return error.kind();
  }
  return ErrorKind::internal;
}

class BookingUseCasesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    security::init_crypto();
    specialist_ = add_user("s", "specialist");
    customer_ = add_user("c", "customer");
    fakes::open_every_day(world_, specialist_);
    paid_ = add_service("paid", specialist_, 10'000);
  }

  std::string add_user(const std::string& id, const std::string& role) {
    return fakes::add_user(world_, id, role).id;
  }

  std::string add_service(const std::string& id, const std::string& specialist,
                          std::int64_t price) {
    return fakes::add_service(world_, id, specialist, price).id;
  }

  std::string slot(const std::string& service, std::int64_t start_ms) {
    return domain::slot_id(service, domain::Instant{std::chrono::seconds{start_ms / 1000}});
  }

  BookingView book(const std::string& customer, std::int64_t start_ms,
                   const std::string& service = "paid") {
    return use_cases_.create(customer, slot(service, start_ms), "");
  }

  domain::Booking stored(const std::string& id) { return world_.bookings.at(id); }

  fakes::BookingWorld world_;
  fakes::InMemoryUnitOfWork work_{world_};
  FixedClock clock_{1'800'000'000'000};  // 2027-01-15
  fakes::StubVideo video_;
  BookingUseCases use_cases_{work_, clock_, video_, BookingSettings{15, 60, 3, 2}};
  std::string specialist_, customer_, paid_;
};

TEST_F(BookingUseCasesTest, APaidBookingIsHeldWhileTheCustomerPays) {
  auto view = book(customer_, june_2_0900);
  EXPECT_EQ(view.booking.status, domain::BookingStatus::pending);
  EXPECT_EQ(view.booking.payment_status, domain::PaymentStatus::pending);
  EXPECT_EQ(view.booking.hold_expires_at, clock_.now_ms() + 15 * minute);
  EXPECT_EQ(view.booking.price.amount, 10'000);
  EXPECT_EQ(view.booking.policy.late_refund_percentage, 50);
  EXPECT_EQ(stored(view.booking.id).start_at, june_2_0900);
  EXPECT_TRUE(world_.jobs.empty()) << "no confirmation mail before the money";
}

TEST_F(BookingUseCasesTest, AFreeBookingIsConfirmedAtOnceWithItsMailsAndMeeting) {
  add_service("free", specialist_, 0);
  auto view = book(customer_, june_2_0900, "free");
  EXPECT_EQ(view.booking.status, domain::BookingStatus::confirmed);
  EXPECT_EQ(view.booking.payment_status, domain::PaymentStatus::not_required);
  EXPECT_EQ(view.booking.meeting_url, "https://meet.example/" + view.booking.id);
  EXPECT_EQ(world_.queued(view.booking.id, job_kind::confirmed).size(), 1u);
  EXPECT_EQ(world_.queued(view.booking.id, job_kind::reminder).size(), 1u);
  EXPECT_EQ(world_.queued(view.booking.id, job_kind::followup).size(), 1u);
  EXPECT_EQ(world_.notifications.size(), 2u) << "both parties hear of it";
  ASSERT_EQ(world_.audit_of(view.booking.id).size(), 1u);
  EXPECT_EQ(world_.audit_of(view.booking.id)[0].to_state, "confirmed");
}

TEST_F(BookingUseCasesTest, ATakenSlotIsRefusedAndNothingIsWritten) {
  book(customer_, june_2_0900);
  const auto other = add_user("o", "customer");
  std::string detail;
  EXPECT_EQ(kind_of([&] { book(other, june_2_0900); }, &detail), ErrorKind::conflict);
  EXPECT_EQ(detail, "This time has just been taken. Pick another slot.");
  EXPECT_EQ(world_.bookings.size(), 1u);
}

TEST_F(BookingUseCasesTest, ACustomerCannotBeInTwoPlacesAtOnce) {
  const auto other = add_user("s2", "specialist");
  fakes::open_every_day(world_, other);
  add_service("other", other, 5'000);
  book(customer_, june_2_0900);
  std::string detail;
  EXPECT_EQ(kind_of([&] { book(customer_, june_2_0900, "other"); }, &detail), ErrorKind::conflict);
  EXPECT_EQ(detail, "You already have a booking at this time.");
}

TEST_F(BookingUseCasesTest, NobodyBooksTheirOwnServiceOrASlotOutsideTheRules) {
  EXPECT_EQ(kind_of([&] { book(specialist_, june_2_0900); }), ErrorKind::conflict);
  EXPECT_EQ(kind_of([&] { book(customer_, june_2_0900 - 2 * hour); }), ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { use_cases_.create(customer_, "not-a-slot", ""); }),
            ErrorKind::validation);
  world_.services.at(paid_).published = false;
  EXPECT_EQ(kind_of([&] { book(customer_, june_2_0900); }), ErrorKind::not_found);
  EXPECT_TRUE(world_.bookings.empty());
}

TEST_F(BookingUseCasesTest, OneCustomerHoldsOnlyAFewUnpaidSlotsWithOneSpecialist) {
  book(customer_, june_2_0900);
  book(customer_, june_2_0900 + hour);
  EXPECT_EQ(kind_of([&] { book(customer_, june_2_0900 + 2 * hour); }),
            ErrorKind::too_many_requests);
  EXPECT_EQ(world_.bookings.size(), 2u);
}

TEST_F(BookingUseCasesTest, ALapsedHoldGivesItsSlotToTheNextCustomer) {
  auto first = book(customer_, june_2_0900);
  clock_.advance_ms(15 * minute + 1);
  const auto other = add_user("o", "customer");
  auto second = book(other, june_2_0900);
  EXPECT_EQ(second.booking.status, domain::BookingStatus::pending);
  const auto lapsed = stored(first.booking.id);
  EXPECT_EQ(lapsed.status, domain::BookingStatus::cancelled);
  EXPECT_EQ(lapsed.cancelled_by, domain::CancelledBy::system);
  EXPECT_EQ(lapsed.payment_status, domain::PaymentStatus::failed);
  EXPECT_TRUE(world_.queued(first.booking.id, job_kind::cancelled).empty())
      << "a hold that lapses needs no cancellation mail";
}

TEST_F(BookingUseCasesTest, WhenTheDatabaseRefusesAnOverlapTheCustomerHearsTheSlotIsTaken) {
  fakes::InMemoryUnitOfWork constrained(world_, true);
  BookingUseCases use_cases(constrained, clock_, video_, BookingSettings{});
  const auto other = add_user("o", "customer");
  // Another request commits the same slot just before this one writes.
  constrained.before_write = [&](fakes::BookingWorld& world) {
    if (world.bookings.empty()) use_cases_.create(other, slot(paid_, june_2_0900), "");
  };
  std::string detail;
  EXPECT_EQ(kind_of([&] { use_cases.create(customer_, slot(paid_, june_2_0900), ""); }, &detail),
            ErrorKind::conflict);
  EXPECT_EQ(detail, "This time has just been taken. Pick another slot.");
  ASSERT_EQ(world_.bookings.size(), 1u);
  EXPECT_EQ(world_.bookings.begin()->second.customer_id, other);
}

TEST_F(BookingUseCasesTest, ASlotBlockedBetweenTheReadAndTheWriteIsRefused) {
  work_.before_write = [&](fakes::BookingWorld& world) {
    world.blocks.push_back({"b1", specialist_, june_2_0900, june_2_0900 + hour, "dentist", 0});
    ++world.schedule_versions[specialist_];
  };
  EXPECT_EQ(kind_of([&] { book(customer_, june_2_0900); }), ErrorKind::conflict);
  EXPECT_TRUE(world_.bookings.empty());
}

TEST_F(BookingUseCasesTest, AnEarlyCancellationRefundsEverythingAndStopsTheReminders) {
  auto booking = book(customer_, june_2_0900);
  ASSERT_TRUE(use_cases_.payments.paid(booking.booking.id).booking.active());
  auto cancelled = use_cases_.cancel.cancel(customer_, booking.booking.id, "plans changed");
  EXPECT_EQ(cancelled.refund.amount, 10'000);
  EXPECT_EQ(cancelled.booking.booking.status, domain::BookingStatus::cancelled);
  EXPECT_EQ(cancelled.booking.booking.payment_status, domain::PaymentStatus::refund_pending);
  const auto& id = booking.booking.id;
  EXPECT_TRUE(world_.queued(id, job_kind::reminder).empty());
  EXPECT_TRUE(world_.queued(id, job_kind::followup).empty());
  EXPECT_EQ(world_.queued(id, job_kind::cancelled).size(), 1u);
  ASSERT_EQ(world_.queued(id, job_kind::refund).size(), 1u);
  EXPECT_EQ(world_.queued(id, job_kind::refund)[0].run_at, clock_.now_ms() + 60'000);
}

TEST_F(BookingUseCasesTest, ALateCancellationFollowsThePolicyButASpecialistRefundsAll) {
  auto first = book(customer_, june_2_0900);
  auto second = book(customer_, june_2_0900 + hour);
  use_cases_.payments.paid(first.booking.id);
  use_cases_.payments.paid(second.booking.id);
  clock_.set(june_2_0900 - 2 * hour);
  EXPECT_EQ(use_cases_.read.cancellation_quote(customer_, first.booking.id).amount, 5'000);
  EXPECT_EQ(use_cases_.cancel.cancel(customer_, first.booking.id, "").refund.amount, 5'000);
  EXPECT_EQ(use_cases_.cancel.cancel(specialist_, second.booking.id, "").refund.amount, 10'000);
  EXPECT_EQ(stored(second.booking.id).cancelled_by, domain::CancelledBy::specialist);
}

TEST_F(BookingUseCasesTest, StrangersSeeNothingAndChangeNothing) {
  auto booking = book(customer_, june_2_0900);
  const auto stranger = add_user("x", "customer");
  const auto& id = booking.booking.id;
  EXPECT_EQ(kind_of([&] { use_cases_.read.get(stranger, id); }), ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { use_cases_.cancel.cancel(stranger, id, ""); }), ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { use_cases_.reschedule(stranger, id, slot(paid_, june_2_0900 + hour)); }),
            ErrorKind::not_found);
  EXPECT_EQ(stored(id).status, domain::BookingStatus::pending);
  EXPECT_EQ(stored(id).start_at, june_2_0900);
}

TEST_F(BookingUseCasesTest, ARescheduleMovesTheBookingAndTellsBothParties) {
  auto booking = book(customer_, june_2_0900);
  use_cases_.payments.paid(booking.booking.id);
  auto moved =
      use_cases_.reschedule(customer_, booking.booking.id, slot(paid_, june_2_0900 + hour));
  EXPECT_EQ(moved.booking.start_at, june_2_0900 + hour);
  EXPECT_EQ(world_.invite_sequences[booking.booking.id], 1) << "calendars update the event";
  EXPECT_EQ(world_.queued(booking.booking.id, job_kind::rescheduled).size(), 1u);
  // The old slot is free again.
  const auto other = add_user("o", "customer");
  EXPECT_EQ(book(other, june_2_0900).booking.status, domain::BookingStatus::pending);
}

TEST_F(BookingUseCasesTest, ARescheduleOntoATakenSlotChangesNothing) {
  auto mine = book(customer_, june_2_0900);
  const auto other = add_user("o", "customer");
  book(other, june_2_0900 + hour);
  const auto jobs_before = world_.jobs.size();
  EXPECT_EQ(kind_of([&] {
              use_cases_.reschedule(customer_, mine.booking.id, slot(paid_, june_2_0900 + hour));
            }),
            ErrorKind::conflict);
  EXPECT_EQ(stored(mine.booking.id).start_at, june_2_0900);
  EXPECT_EQ(world_.jobs.size(), jobs_before);
  EXPECT_EQ(world_.audit_of(mine.booking.id).size(), 0u);
}

TEST_F(BookingUseCasesTest, MoneyAfterTheHoldRanOutGoesBackInFull) {
  auto booking = book(customer_, june_2_0900);
  clock_.advance_ms(20 * minute);
  bool confirmed = true;
  work_.write([&](ports::Transaction& tx) {
    confirmed = use_cases_.payments.paid(tx, booking.booking.id, clock_.now_ms());
  });
  EXPECT_FALSE(confirmed);
  const auto b = stored(booking.booking.id);
  EXPECT_EQ(b.status, domain::BookingStatus::cancelled);
  EXPECT_EQ(b.payment_status, domain::PaymentStatus::refunded);
  EXPECT_EQ(b.refund_amount, 10'000);
}

TEST_F(BookingUseCasesTest, ARepeatedPaymentEventConfirmsOnce) {
  auto booking = book(customer_, june_2_0900);
  for (int i = 0; i < 2; ++i)
    work_.write([&](ports::Transaction& tx) {
      EXPECT_TRUE(use_cases_.payments.paid(tx, booking.booking.id, clock_.now_ms()));
    });
  EXPECT_EQ(world_.queued(booking.booking.id, job_kind::confirmed).size(), 1u);
}

TEST_F(BookingUseCasesTest, TheSpecialistRunsTheSessionOnlyNearItsTime) {
  auto booking = book(customer_, june_2_0900);
  use_cases_.payments.paid(booking.booking.id);
  const auto& id = booking.booking.id;
  EXPECT_EQ(kind_of([&] { use_cases_.sessions.start(specialist_, id); }), ErrorKind::conflict);
  EXPECT_EQ(kind_of([&] { use_cases_.sessions.start(customer_, id); }), ErrorKind::forbidden);
  clock_.set(june_2_0900 - 5 * minute);
  EXPECT_EQ(use_cases_.sessions.start(specialist_, id).booking.status,
            domain::BookingStatus::in_progress);
  clock_.set(june_2_0900 + 50 * minute);
  auto ended = use_cases_.sessions.end(specialist_, id);
  EXPECT_EQ(ended.booking.status, domain::BookingStatus::completed);
  EXPECT_EQ(ended.booking.session_ended_at, clock_.now_ms());
}

TEST_F(BookingUseCasesTest, AMeetingEndWithoutItsStartStillCompletesTheSession) {
  auto booking = book(customer_, june_2_0900);
  use_cases_.payments.paid(booking.booking.id);
  bool applied = false;
  work_.write([&](ports::Transaction& tx) {
    applied = BookingSessions::meeting_ended(tx, booking.booking.id, june_2_0900 + hour);
  });
  EXPECT_TRUE(applied);
  EXPECT_EQ(stored(booking.booking.id).status, domain::BookingStatus::completed);
  const auto audit = world_.audit_of(booking.booking.id);
  ASSERT_EQ(audit.size(), 3u);  // confirmed, in progress, completed
  EXPECT_EQ(audit[1].to_state, "in-progress");
  EXPECT_EQ(audit[2].to_state, "completed");
}

TEST_F(BookingUseCasesTest, EachPartyWritesOnlyTheirOwnNotes) {
  auto booking = book(customer_, june_2_0900);
  NoteChanges mine;
  mine.customer_notes = "about my back";
  EXPECT_EQ(use_cases_.notes(customer_, booking.booking.id, mine).booking.customer_notes,
            "about my back");
  NoteChanges private_notes;
  private_notes.specialist_notes = "not for the customer";
  EXPECT_EQ(kind_of([&] { use_cases_.notes(customer_, booking.booking.id, private_notes); }),
            ErrorKind::validation);
  EXPECT_EQ(stored(booking.booking.id).specialist_notes, "");
}

TEST_F(BookingUseCasesTest, AListPagesInOrderAndShowsLapsedHoldsAsTheSweepWillLeaveThem) {
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    auto b = book(customer_, june_2_0900 + i * hour);
    use_cases_.payments.paid(b.booking.id);
    ids.push_back(b.booking.id);
  }
  auto held = book(customer_, june_2_0900 + 4 * hour);
  clock_.advance_ms(16 * minute);
  BookingQuery query;
  query.upcoming = true;
  query.page_size = 2;
  auto first = use_cases_.read.list(customer_, query);
  EXPECT_EQ(first.total, 4);
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].booking.id, ids[0]);
  EXPECT_EQ(first.items[1].booking.id, ids[1]);
  query.page = 2;
  auto second = use_cases_.read.list(customer_, query);
  ASSERT_EQ(second.items.size(), 2u);
  EXPECT_EQ(second.items[1].booking.id, held.booking.id);
  EXPECT_EQ(second.items[1].booking.status, domain::BookingStatus::cancelled);
  EXPECT_EQ(second.items[1].specialist.id, specialist_);
  // Reading, the list or the one booking, wrote nothing: the sweep lets the hold go.
  EXPECT_EQ(use_cases_.read.get(customer_, held.booking.id).booking.status,
            domain::BookingStatus::cancelled);
  EXPECT_EQ(stored(held.booking.id).status, domain::BookingStatus::pending);
  EXPECT_EQ(use_cases_.payments.expire_holds(), 1);
  // Keyset: from the first page's last booking on, the same as page 2.
  ASSERT_EQ(first.next_after, ids[1]);
  EXPECT_FALSE(second.next_after);
  query.page = 1;
  query.after = first.next_after;
  auto keyset = use_cases_.read.list(customer_, query);
  ASSERT_EQ(keyset.items.size(), 2u);
  EXPECT_EQ(keyset.items[0].booking.id, second.items[0].booking.id);
  EXPECT_EQ(keyset.total, 4);
  query.after = "someone-elses";
  EXPECT_EQ(kind_of([&] { use_cases_.read.list(customer_, query); }), ErrorKind::validation);
  query.after = ids[0];  // the customer's, but not as specialist
  query.as_specialist = true;
  EXPECT_EQ(kind_of([&] { use_cases_.read.list(customer_, query); }), ErrorKind::validation);
}

TEST_F(BookingUseCasesTest, TheSweepCancelsEveryLapsedHoldOnce) {
  book(customer_, june_2_0900);
  book(add_user("o", "customer"), june_2_0900 + hour);
  EXPECT_EQ(use_cases_.payments.expire_holds(), 0);
  clock_.advance_ms(15 * minute);
  EXPECT_EQ(use_cases_.payments.expire_holds(), 2);
  EXPECT_EQ(use_cases_.payments.expire_holds(), 0);
}

TEST_F(BookingUseCasesTest, AManageLinkActsAsTheParty) {
  auto booking = book(customer_, june_2_0900);
  EXPECT_EQ(use_cases_.read.party_of(booking.booking.id, domain::Party::customer), customer_);
  EXPECT_EQ(use_cases_.read.party_of(booking.booking.id, domain::Party::specialist), specialist_);
  EXPECT_EQ(use_cases_.read.party_of("missing", domain::Party::customer), std::nullopt);
}

}  // namespace
}  // namespace confer::app
