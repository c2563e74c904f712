#include "integrations/stripe/stripe_payments.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>

#include "app/errors.hpp"

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

TEST(StripeRequests, AConnectExpressAccountAndItsOnboardingLink) {
  auto account = account_fields("u1", "ada@example.com");
  EXPECT_EQ(field(account, "type"), "express");
  EXPECT_EQ(field(account, "email"), "ada@example.com");
  EXPECT_EQ(field(account, "capabilities[card_payments][requested]"), "true");
  EXPECT_EQ(field(account, "capabilities[transfers][requested]"), "true");
  EXPECT_EQ(field(account, "metadata[user_id]"), "u1");
  auto link = account_link_fields("acct_9", "https://c.test/done", "https://c.test/retry");
  EXPECT_EQ(field(link, "account"), "acct_9");
  EXPECT_EQ(field(link, "return_url"), "https://c.test/done");
  EXPECT_EQ(field(link, "refresh_url"), "https://c.test/retry");
  EXPECT_EQ(field(link, "type"), "account_onboarding");
}

boost::json::object object_of(const char* text) {
  return boost::json::parse(text).as_object();
}

TEST(StripeAnswers, AnIntentGivesItsIdAndClientSecret) {
  auto intent = intent_of(object_of(
      R"({"id":"pi_3Nx","object":"payment_intent","amount":12345,"client_secret":"pi_3Nx_secret_y",
          "status":"requires_payment_method","transfer_data":{"destination":"acct_1"}})"));
  EXPECT_EQ(intent.provider, "stripe");
  EXPECT_EQ(intent.provider_payment_id, "pi_3Nx");
  EXPECT_EQ(intent.client_secret, "pi_3Nx_secret_y");
}

TEST(StripeAnswers, PlaceholdersFromAMockAreTakenAsTheyCome) {
  // Prism answers with the spec's placeholders: nulls and the word "string".
  auto intent = intent_of(object_of(R"({"id":"string","client_secret":null,"amount":0})"));
  EXPECT_EQ(intent.provider_payment_id, "string");
  EXPECT_EQ(intent.client_secret, "");
  auto account = account_of(object_of(R"({"id":"string","charges_enabled":true})"));
  EXPECT_EQ(account.id, "string");
  EXPECT_TRUE(account.charges_enabled);
  EXPECT_FALSE(account.payouts_enabled);
  EXPECT_EQ(account_link_url_of(object_of(R"({"object":"account_link","url":"string"})")),
            "string");
}

TEST(StripeAnswers, AnAnswerWithoutItsIdIsAnUpstreamError) {
  auto upstream = [](auto call) {
    try {
      call();
    } catch (const app::Error& error) {
      return error.kind() == app::ErrorKind::upstream;
    }
    return false;
  };
  EXPECT_TRUE(upstream([] { intent_of(object_of(R"({"client_secret":"x"})")); }));
  EXPECT_TRUE(upstream([] { refund_id_of(object_of(R"({"id":7})")); }));
  EXPECT_TRUE(upstream([] { account_of(object_of(R"({})")); }));
  EXPECT_TRUE(upstream([] { account_link_url_of(object_of(R"({"url":""})")); }));
  EXPECT_EQ(refund_id_of(object_of(R"({"id":"re_1","status":"succeeded"})")), "re_1");
  auto account = account_of(object_of(
      R"({"id":"acct_1","charges_enabled":false,"payouts_enabled":true,"details_submitted":true})"));
  EXPECT_FALSE(account.charges_enabled);
  EXPECT_TRUE(account.payouts_enabled);
  EXPECT_TRUE(account.details_submitted);
}

TEST(StripeAnswers, ASuccessIsAJsonObjectAndAnythingElseAStripeError) {
  EXPECT_EQ(stripe_result_of(200, R"({"id":"pi_1"})").at("id").as_string(), "pi_1");
  try {
    stripe_result_of(400, R"({"error":{"type":"invalid_request_error",
                                       "message":"Missing required param: amount."}})");
    FAIL() << "a 400 is an error";
  } catch (const StripeError& error) {
    EXPECT_EQ(error.status(), 400);
    EXPECT_EQ(error.type(), "invalid_request_error");
    EXPECT_STREQ(error.what(), "Missing required param: amount.");
  }
  for (const char* body : {"<html>", "[1,2]", ""}) {
    try {
      stripe_result_of(200, body);
      FAIL() << body;
    } catch (const StripeError& error) {
      EXPECT_EQ(error.type(), "api_error") << body;
    }
  }
}

}  // namespace
}  // namespace confer::integrations
