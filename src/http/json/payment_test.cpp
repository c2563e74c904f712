#include "http/json/payment.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace confer::http::json {
namespace {

app::PaymentRecord paid() {
  app::PaymentRecord p;
  p.id = "pay1";
  p.booking_id = "b1";
  p.specialist_id = "s1";
  p.customer_id = "c1";
  p.amount = 10000;
  p.currency = "EUR";
  p.platform_fee = 2000;
  p.specialist_payout = 8000;
  p.provider = "sandbox";
  p.provider_payment_id = "pi_sandbox_1";
  p.client_secret = "pi_sandbox_1_secret_x";
  p.status = "succeeded";
  p.refunded_amount = 0;
  p.metadata_json = R"({"serviceId":"svc1","start":1800000000000})";
  p.created_at = 1'800'000'000'000;
  p.succeeded_at = 1'800'000'060'000;
  return p;
}

TEST(PaymentJson, EveryFieldButTheClientSecret) {
  EXPECT_EQ(boost::json::serialize(payment(paid())),
            R"({"paymentId":"pay1","id":"pay1","bookingId":"b1","provider":"sandbox",)"
            R"("providerPaymentId":"pi_sandbox_1","amount":10000,"currency":"EUR",)"
            R"("platformFee":2000,"specialistPayout":8000,"status":"succeeded",)"
            R"("refundedAmount":0,"createdAt":"2027-01-15T08:00:00Z","failureReason":null,)"
            R"("succeededAt":"2027-01-15T08:01:00Z",)"
            R"("metadata":{"serviceId":"svc1","start":1800000000000}})");
}

TEST(PaymentJson, AFailedPaymentSaysWhyAndWasNeverPaid) {
  auto p = paid();
  p.status = "failed";
  p.failure_reason = "The test card was declined.";
  p.succeeded_at.reset();
  auto json = payment(p);
  EXPECT_EQ(json.at("failureReason"), "The test card was declined.");
  EXPECT_EQ(json.at("succeededAt"), boost::json::value(nullptr));
}

TEST(EarningsJson, MonthsAndTotalsPerCurrencyPayoutsPending) {
  std::vector<app::EarningsRow> rows{{"2027-01", "EUR", 10000, 2000, 8000, 0, 1},
                                     {"2027-01", "USD", 5000, 1000, 4000, 500, 2},
                                     {"2027-02", "EUR", 3000, 600, 2400, 0, 1}};
  EXPECT_EQ(boost::json::serialize(earnings(rows)),
            R"({"months":[)"
            R"({"month":"2027-01","currency":"EUR","gross":10000,"platformFee":2000,)"
            R"("net":8000,"refunded":0,"payments":1},)"
            R"({"month":"2027-01","currency":"USD","gross":5000,"platformFee":1000,)"
            R"("net":4000,"refunded":500,"payments":2},)"
            R"({"month":"2027-02","currency":"EUR","gross":3000,"platformFee":600,)"
            R"("net":2400,"refunded":0,"payments":1}],)"
            R"("totals":[)"
            R"({"currency":"EUR","gross":13000,"platformFee":2600,"net":10400,"refunded":0},)"
            R"({"currency":"USD","gross":5000,"platformFee":1000,"net":4000,"refunded":500}],)"
            R"("payoutStatus":"pending"})");
}

TEST(EarningsJson, NothingEarned) {
  EXPECT_EQ(boost::json::serialize(earnings({})),
            R"({"months":[],"totals":[],"payoutStatus":"pending"})");
}

}  // namespace
}  // namespace confer::http::json
