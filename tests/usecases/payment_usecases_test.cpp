// The payment use cases over in-memory ports and a fake provider: intents,
// signed webhooks applied once, refunds that never go out twice, payouts.
#include <gtest/gtest.h>

#include "app/booking_events.hpp"
#include "app/bookings/booking_use_cases.hpp"
#include "app/errors.hpp"
#include "app/payments/payment_use_cases.hpp"
#include "domain/slot_id.hpp"
#include "fakes/booking_world.hpp"
#include "fakes/fake_gateway.hpp"
#include "security/crypto.hpp"
#include "security/webhook_signature.hpp"

namespace confer::app {
namespace {

constexpr std::int64_t june_2_0900 = 1'811'926'800'000;  // a working hour
constexpr std::int64_t minute = 60'000;
const std::string secret = "whsec_test_secret";

ErrorKind kind_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.kind();
  }
  return ErrorKind::internal;
}

class PaymentUseCasesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    security::init_crypto();
    fakes::add_user(world_, "s", "specialist");
    fakes::add_user(world_, "c", "customer");
    fakes::add_user(world_, "x", "customer");
    fakes::open_every_day(world_, "s");
    fakes::add_service(world_, "paid", "s", 10'000);
  }

  std::string book(std::int64_t start = june_2_0900) {
    const auto slot = domain::slot_id("paid", domain::Instant{std::chrono::seconds{start / 1000}});
    return bookings_.create("c", slot, "").booking.id;
  }

  // A provider event, signed as Stripe signs it, through the webhook.
  WebhookOutcome deliver(PaymentEvent event) {
    const auto body = gateway_.event_body(event);
    return payments_.webhooks.handle(
        body, security::stripe_signature_header(secret, body, clock_.now_seconds()));
  }

  PaymentEvent succeeded(const PaymentRecord& payment, const std::string& id) {
    PaymentEvent event;
    event.id = id;
    event.type = PaymentEventType::payment_succeeded;
    event.provider_payment_id = payment.provider_payment_id;
    event.amount_received = payment.amount;
    event.currency = payment.currency;
    return event;
  }

  fakes::BookingWorld world_;
  fakes::InMemoryUnitOfWork work_{world_};
  FixedClock clock_{1'800'000'000'000};
  fakes::StubVideo video_;
  fakes::FakeGateway gateway_;
  BookingUseCases bookings_{work_, clock_, video_, BookingSettings{}};
  PaymentUseCases payments_{work_, clock_, gateway_, bookings_.payments,
                            PaymentSettings{2000, secret, "https://app.example", 60}};
};

TEST_F(PaymentUseCasesTest, AnIntentChargesTheBookingsPriceAndSplitsOffTheFee) {
  const auto booking = book();
  const auto payment = payments_.intents.create("c", booking);
  EXPECT_EQ(payment.amount, 10'000);
  EXPECT_EQ(payment.platform_fee, 2'000);
  EXPECT_EQ(payment.specialist_payout, 8'000);
  EXPECT_EQ(payments_.intents.create("c", booking).id, payment.id) << "asking again";
  EXPECT_EQ(gateway_.intents.size(), 1u);
}

TEST_F(PaymentUseCasesTest, OnlyTheCustomerPaysAndOnlyWhileTheHoldRuns) {
  const auto booking = book();
  EXPECT_EQ(kind_of([&] { payments_.intents.create("x", booking); }), ErrorKind::not_found);
  clock_.advance_ms(16 * minute);
  EXPECT_EQ(kind_of([&] { payments_.intents.create("c", booking); }), ErrorKind::conflict);
  EXPECT_TRUE(gateway_.intents.empty());
}

TEST_F(PaymentUseCasesTest, AnUnsignedWebhookIsRefusedAndChangesNothing) {
  const auto payment = payments_.intents.create("c", book());
  const auto body = gateway_.event_body(succeeded(payment, "evt_1"));
  EXPECT_EQ(kind_of([&] { payments_.webhooks.handle(body, "t=1,v1=00"); }), ErrorKind::bad_request);
  EXPECT_TRUE(world_.provider_events.empty());
  EXPECT_EQ(world_.bookings.at(payment.booking_id).status, domain::BookingStatus::pending);
}

TEST_F(PaymentUseCasesTest, APaymentConfirmsTheBookingOnceHoweverOftenItIsDelivered) {
  const auto payment = payments_.intents.create("c", book());
  EXPECT_EQ(deliver(succeeded(payment, "evt_1")), WebhookOutcome::applied);
  EXPECT_EQ(deliver(succeeded(payment, "evt_1")), WebhookOutcome::duplicate);
  const auto& booking = world_.bookings.at(payment.booking_id);
  EXPECT_EQ(booking.status, domain::BookingStatus::confirmed);
  EXPECT_EQ(booking.payment_status, domain::PaymentStatus::completed);
  EXPECT_EQ(world_.payments.at(payment.id).status, "succeeded");
  EXPECT_EQ(world_.queued(booking.id, job_kind::confirmed).size(), 1u);
}

TEST_F(PaymentUseCasesTest, AnEventForTheWrongAmountNeverConfirms) {
  const auto payment = payments_.intents.create("c", book());
  auto event = succeeded(payment, "evt_1");
  event.amount_received = 100;
  deliver(event);
  EXPECT_EQ(world_.bookings.at(payment.booking_id).status, domain::BookingStatus::pending);
  ASSERT_EQ(world_.audit.size(), 1u);
  EXPECT_EQ(world_.audit[0].action, "payment.amount_mismatch");
}

TEST_F(PaymentUseCasesTest, MoneyThatArrivesAfterTheHoldGoesBackInFull) {
  const auto payment = payments_.intents.create("c", book());
  clock_.advance_ms(20 * minute);
  deliver(succeeded(payment, "evt_late"));
  const auto& booking = world_.bookings.at(payment.booking_id);
  EXPECT_EQ(booking.status, domain::BookingStatus::cancelled);
  ASSERT_EQ(gateway_.refunds.size(), 1u);
  EXPECT_EQ(gateway_.refunds.begin()->second.amount, 10'000);
  EXPECT_EQ(world_.payments.at(payment.id).status, "refunded");
}

TEST_F(PaymentUseCasesTest, ARefundIsAskedForOnceEvenWhenSettledTwice) {
  const auto payment = payments_.intents.create("c", book());
  deliver(succeeded(payment, "evt_1"));
  bookings_.cancel.cancel("c", payment.booking_id, "");
  payments_.refunds.settle(payment.booking_id);
  payments_.refunds.settle(payment.booking_id);  // the retry job, after the request did it
  ASSERT_EQ(gateway_.refunds.size(), 1u);
  EXPECT_EQ(world_.payments.at(payment.id).refunded_amount, 10'000);
  EXPECT_EQ(world_.bookings.at(payment.booking_id).payment_status, domain::PaymentStatus::refunded);
}

TEST_F(PaymentUseCasesTest, AProviderOutageLeavesTheRefundOwedForItsJob) {
  const auto payment = payments_.intents.create("c", book());
  deliver(succeeded(payment, "evt_1"));
  bookings_.cancel.cancel("c", payment.booking_id, "");
  gateway_.fail_refunds = true;
  EXPECT_ANY_THROW(payments_.refunds.settle(payment.booking_id));
  EXPECT_EQ(world_.bookings.at(payment.booking_id).payment_status,
            domain::PaymentStatus::refund_pending);
  EXPECT_EQ(world_.queued(payment.booking_id, job_kind::refund).size(), 1u);
}

TEST_F(PaymentUseCasesTest, TheSpecialistRefundsPartOfAPaymentWithinWhatIsLeft) {
  const auto payment = payments_.intents.create("c", book());
  deliver(succeeded(payment, "evt_1"));
  EXPECT_EQ(kind_of([&] { payments_.refunds.refund("x", "customer", payment.id, 100); }),
            ErrorKind::not_found);
  EXPECT_EQ(kind_of([&] { payments_.refunds.refund("s", "specialist", payment.id, 10'001); }),
            ErrorKind::validation);
  const auto refunded = payments_.refunds.refund("s", "specialist", payment.id, 2'500);
  EXPECT_EQ(refunded.refunded_amount, 2'500);
  EXPECT_EQ(refunded.status, "partially-refunded");
  EXPECT_EQ(payments_.refunds.refund("s", "specialist", payment.id, std::nullopt).status,
            "refunded");
}

TEST_F(PaymentUseCasesTest, PaymentsAreSeenOnlyByTheirParties) {
  const auto payment = payments_.intents.create("c", book());
  EXPECT_EQ(payments_.intents.get("s", payment.id).id, payment.id);
  EXPECT_EQ(kind_of([&] { payments_.intents.get("x", payment.id); }), ErrorKind::not_found);
  EXPECT_EQ(payments_.intents.history("c", 1, 20).size(), 1u);
  EXPECT_TRUE(payments_.intents.history("x", 1, 20).empty());
}

TEST_F(PaymentUseCasesTest, ASpecialistGetsOnePayoutAccountAndItTurnsActive) {
  auto [account, link] = payments_.payouts.onboarding_link("s");
  EXPECT_EQ(link, "https://connect.example/" + account.account_id);
  EXPECT_EQ(payout_status(payments_.payouts.account("s")), "pending");
  payments_.payouts.onboarding_link("s");
  EXPECT_EQ(gateway_.accounts_made, 1);
  payments_.payouts.sandbox_complete_onboarding(account.account_id);
  EXPECT_EQ(payout_status(payments_.payouts.account("s")), "active");
  EXPECT_EQ(payout_status(payments_.payouts.account("x")), "none");
}

TEST_F(PaymentUseCasesTest, TheSandboxPageConfirmsThroughTheSignedWebhook) {
  const auto payment = payments_.intents.create("c", book());
  EXPECT_EQ(payments_.sandbox.decide(payment.provider_payment_id, true).status, "succeeded");
  EXPECT_EQ(world_.bookings.at(payment.booking_id).status, domain::BookingStatus::confirmed);
  EXPECT_EQ(kind_of([&] { payments_.sandbox.decide("pi_missing", true); }), ErrorKind::not_found);
}

}  // namespace
}  // namespace confer::app
