#include "integrations/stripe/stripe_payments.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace confer::integrations {
namespace {

std::string field(const FormFields& fields, const std::string& key) {
  auto found = std::find_if(fields.begin(), fields.end(),
                            [&](const auto& pair) { return pair.first == key; });
  return found == fields.end() ? "<absent>" : found->second;
}

TEST(StripeRequests, AnIntentToAConnectedAccountIsADestinationChargeWithTheFee) {
  app::IntentRequest request{
      12345, "EUR", 2469, "confer-intent-b1", "b1", "Confer booking b1", std::string("acct_123")};
  auto fields = intent_fields(request);
  EXPECT_EQ(field(fields, "amount"), "12345");
  EXPECT_EQ(field(fields, "currency"), "eur");
  EXPECT_EQ(field(fields, "application_fee_amount"), "2469");
  EXPECT_EQ(field(fields, "transfer_data[destination]"), "acct_123");
  EXPECT_EQ(field(fields, "metadata[booking_id]"), "b1");
  EXPECT_EQ(field(fields, "automatic_payment_methods[enabled]"), "true");
}

TEST(StripeRequests, WithoutAConnectedAccountThePlatformKeepsTheChargeAndNoFeeIsSent) {
  app::IntentRequest request{500, "JPY", 100, "k", "b2", "d", std::nullopt};
  auto fields = intent_fields(request);
  EXPECT_EQ(field(fields, "currency"), "jpy");
  EXPECT_EQ(field(fields, "application_fee_amount"), "<absent>");
  EXPECT_EQ(field(fields, "transfer_data[destination]"), "<absent>");
}

TEST(StripeRequests, RefundsReverseTheTransferAndTheFeeOnlyWhenAsked) {
  auto partial = refund_fields({"pi_1", 250, "k", true, false});
  EXPECT_EQ(field(partial, "payment_intent"), "pi_1");
  EXPECT_EQ(field(partial, "amount"), "250");
  EXPECT_EQ(field(partial, "reverse_transfer"), "true");
  EXPECT_EQ(field(partial, "refund_application_fee"), "<absent>");
  auto plain = refund_fields({"pi_1", 250, "k", false, false});
  EXPECT_EQ(field(plain, "reverse_transfer"), "<absent>");
}

TEST(StripeErrors, OnlyNoAnswerConflictsAndServerErrorsAreRetried) {
  for (long status : {0L, 409L, 500L, 502L, 503L}) EXPECT_TRUE(stripe_retryable(status)) << status;
  for (long status : {400L, 401L, 402L, 403L, 404L, 429L}) EXPECT_FALSE(stripe_retryable(status));
}

TEST(StripeErrors, TheMessageComesFromStripesErrorObject) {
  auto [type, message] = stripe_error_of(
      402, R"({"error":{"type":"card_error","message":"Your card was declined."}})");
  EXPECT_EQ(type, "card_error");
  EXPECT_EQ(message, "Your card was declined.");
  auto [other_type, other] = stripe_error_of(500, "<html>oops</html>");
  EXPECT_EQ(other_type, "api_error");
  EXPECT_EQ(other, "Stripe answered 500");
}

}  // namespace
}  // namespace confer::integrations
