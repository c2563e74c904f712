#include "integrations/stripe/stripe_events.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/errors.hpp"
#include "app/testing/errors.hpp"

namespace confer::integrations {
namespace {

using app::PaymentEventType;

// An event as Stripe sends it, with `object` as its data.object.
std::string event(std::string_view type, std::string_view object) {
  return std::string(R"({"id":"evt_1","object":"event","type":")") + std::string(type) +
         R"(","created":1800000000,"data":{"object":)" + std::string(object) + "}}";
}

TEST(StripeEvents, ASucceededIntentSaysWhatWasReceived) {
  auto parsed = parse_stripe_event(event(
      "payment_intent.succeeded",
      R"({"id":"pi_1","object":"payment_intent","amount":5000,"amount_received":4000,"currency":"usd"})"));
  EXPECT_EQ(parsed.id, "evt_1");
  EXPECT_EQ(parsed.type_name, "payment_intent.succeeded");
  EXPECT_EQ(parsed.type, PaymentEventType::payment_succeeded);
  EXPECT_EQ(parsed.created_s, 1'800'000'000);
  EXPECT_EQ(parsed.provider_payment_id, "pi_1");
  EXPECT_EQ(parsed.amount_received, 4000);
  EXPECT_EQ(parsed.currency, "usd");
}

TEST(StripeEvents, WithoutAmountReceivedTheIntentsAmountCounts) {
  auto parsed = parse_stripe_event(
      event("payment_intent.succeeded", R"({"id":"pi_1","amount":5000,"currency":"usd"})"));
  EXPECT_EQ(parsed.amount_received, 5000);
  // Present but not an integer: nothing was received.
  parsed = parse_stripe_event(
      event("payment_intent.succeeded", R"({"id":"pi_1","amount":5000,"amount_received":null})"));
  EXPECT_EQ(parsed.amount_received, 0);
  EXPECT_EQ(parsed.currency, "");
}

TEST(StripeEvents, AFailedIntentCarriesTheDeclineMessageWhenThereIsAnError) {
  auto parsed = parse_stripe_event(
      event("payment_intent.payment_failed",
            R"({"id":"pi_1","last_payment_error":{"message":"Your card was declined."}})"));
  EXPECT_EQ(parsed.type, PaymentEventType::payment_failed);
  EXPECT_EQ(parsed.failure_message, "Your card was declined.");
  parsed = parse_stripe_event(
      event("payment_intent.payment_failed", R"({"id":"pi_1","last_payment_error":{}})"));
  EXPECT_EQ(parsed.failure_message, "");
  parsed = parse_stripe_event(event("payment_intent.payment_failed", R"({"id":"pi_1"})"));
  EXPECT_EQ(parsed.failure_message, std::nullopt);
}

TEST(StripeEvents, ARefundedChargeNamesItsIntentAndTheRunningTotal) {
  auto parsed = parse_stripe_event(
      event("charge.refunded",
            R"({"id":"ch_1","object":"charge","payment_intent":"pi_1","amount_refunded":2500})"));
  EXPECT_EQ(parsed.type, PaymentEventType::charge_refunded);
  EXPECT_EQ(parsed.provider_payment_id, "pi_1");
  EXPECT_EQ(parsed.amount_refunded, 2500);
}

TEST(StripeEvents, AnUpdatedRefundSaysItsStateAndWhyItFailed) {
  auto parsed = parse_stripe_event(
      event("refund.updated",
            R"({"id":"re_1","object":"refund","payment_intent":"pi_1","status":"failed",)"
            R"("failure_reason":"expired_or_canceled_card"})"));
  EXPECT_EQ(parsed.type, PaymentEventType::refund_updated);
  EXPECT_EQ(parsed.provider_payment_id, "pi_1");
  EXPECT_EQ(parsed.refund_id, "re_1");
  EXPECT_EQ(parsed.refund_status, "failed");
  EXPECT_EQ(parsed.refund_failure_reason, "expired_or_canceled_card");
}

TEST(StripeEvents, AnUpdatedAccountCarriesItsFlags) {
  auto parsed = parse_stripe_event(
      event("account.updated", R"({"id":"acct_1","object":"account","charges_enabled":true,)"
                               R"("payouts_enabled":false,"details_submitted":true})"));
  EXPECT_EQ(parsed.type, PaymentEventType::account_updated);
  EXPECT_EQ(parsed.account.id, "acct_1");
  EXPECT_TRUE(parsed.account.charges_enabled);
  EXPECT_FALSE(parsed.account.payouts_enabled);
  EXPECT_TRUE(parsed.account.details_submitted);
  EXPECT_EQ(parsed.provider_payment_id, "");
}

TEST(StripeEvents, OtherTypesAreReadWithTheIntentTheyName) {
  auto parsed = parse_stripe_event(event("payment_intent.created", R"({"id":"pi_1"})"));
  EXPECT_EQ(parsed.type, PaymentEventType::other);
  EXPECT_EQ(parsed.type_name, "payment_intent.created");
  EXPECT_EQ(parsed.provider_payment_id, "pi_1");
  parsed =
      parse_stripe_event(event("charge.succeeded", R"({"id":"ch_1","payment_intent":"pi_2"})"));
  EXPECT_EQ(parsed.provider_payment_id, "pi_2");
  parsed = parse_stripe_event(event("customer.created", R"({"id":"cus_1"})"));
  EXPECT_EQ(parsed.provider_payment_id, "");
}

TEST(StripeEvents, WhatIsNotAnEventIsABadRequest) {
  using app::testing::kind_of;
  for (std::string body : {"", "not json", "[]", R"({"type":"x","data":{"object":{}}})",
                           R"({"id":"evt_1","data":{"object":{}}})", R"({"id":"evt_1","type":"x"})",
                           R"({"id":"evt_1","type":"x","data":{}})",
                           R"({"id":"evt_1","type":"x","data":{"object":[]}})",
                           R"({"id":7,"type":"x","data":{"object":{}}})"})
    EXPECT_EQ(kind_of([&] { parse_stripe_event(body); }), app::ErrorKind::bad_request) << body;
}

TEST(StripeEvents, TheMessagesSayWhatIsWrong) {
  try {
    parse_stripe_event("nope");
    FAIL();
  } catch (const app::Error& error) {
    EXPECT_EQ(error.detail(), "The webhook body is not a JSON object.");
  }
  try {
    parse_stripe_event("{}");
    FAIL();
  } catch (const app::Error& error) {
    EXPECT_EQ(error.detail(), "The webhook event lacks id, type or data.object.");
  }
}

app::PaymentEvent round_trip(const app::PaymentEvent& event) {
  return parse_stripe_event(stripe_event_body(event));
}

TEST(StripeEvents, WrittenEventsReadBackTheSame) {
  app::PaymentEvent paid;
  paid.id = "evt_sandbox_1";
  paid.type = PaymentEventType::payment_succeeded;
  paid.created_s = 1'800'000'000;
  paid.provider_payment_id = "pi_sandbox_1";
  paid.amount_received = 4200;
  paid.currency = "EUR";
  auto read = round_trip(paid);
  EXPECT_EQ(read.id, "evt_sandbox_1");
  EXPECT_EQ(read.type_name, "payment_intent.succeeded");
  EXPECT_EQ(read.type, PaymentEventType::payment_succeeded);
  EXPECT_EQ(read.created_s, 1'800'000'000);
  EXPECT_EQ(read.provider_payment_id, "pi_sandbox_1");
  EXPECT_EQ(read.amount_received, 4200);
  EXPECT_EQ(read.currency, "EUR");

  app::PaymentEvent declined = paid;
  declined.type = PaymentEventType::payment_failed;
  declined.failure_message = "The test card was declined.";
  read = round_trip(declined);
  EXPECT_EQ(read.type_name, "payment_intent.payment_failed");
  EXPECT_EQ(read.failure_message, "The test card was declined.");

  app::PaymentEvent refunded;
  refunded.id = "evt_2";
  refunded.type = PaymentEventType::charge_refunded;
  refunded.provider_payment_id = "pi_1";
  refunded.amount_refunded = 300;
  read = round_trip(refunded);
  EXPECT_EQ(read.type_name, "charge.refunded");
  EXPECT_EQ(read.provider_payment_id, "pi_1");
  EXPECT_EQ(read.amount_refunded, 300);

  app::PaymentEvent refund;
  refund.id = "evt_3";
  refund.type = PaymentEventType::refund_updated;
  refund.provider_payment_id = "pi_1";
  refund.refund_id = "re_1";
  refund.refund_status = "canceled";
  refund.refund_failure_reason = "unknown";
  read = round_trip(refund);
  EXPECT_EQ(read.type_name, "refund.updated");
  EXPECT_EQ(read.refund_id, "re_1");
  EXPECT_EQ(read.refund_status, "canceled");
  EXPECT_EQ(read.refund_failure_reason, "unknown");

  app::PaymentEvent other;
  other.id = "evt_4";
  other.type_name = "payment_intent.created";
  other.provider_payment_id = "pi_9";
  read = round_trip(other);
  EXPECT_EQ(read.type, PaymentEventType::other);
  EXPECT_EQ(read.type_name, "payment_intent.created");
  EXPECT_EQ(read.provider_payment_id, "pi_9");
}

TEST(StripeEvents, TheSandboxsAccountEventIsWrittenAsStripeWritesIt) {
  app::PaymentEvent ready;
  ready.id = "evt_sandbox_1";
  ready.type = PaymentEventType::account_updated;
  ready.created_s = 1'800'000'000;
  ready.account = {"acct_sandbox_1", true, true, true};
  EXPECT_EQ(stripe_event_body(ready),
            R"({"id":"evt_sandbox_1","object":"event","type":"account.updated",)"
            R"("created":1800000000,"data":{"object":{"id":"acct_sandbox_1","object":"account",)"
            R"("charges_enabled":true,"payouts_enabled":true,"details_submitted":true}}})");
  auto read = round_trip(ready);
  EXPECT_EQ(read.account.id, "acct_sandbox_1");
  EXPECT_TRUE(read.account.charges_enabled && read.account.payouts_enabled &&
              read.account.details_submitted);
}

}  // namespace
}  // namespace confer::integrations
