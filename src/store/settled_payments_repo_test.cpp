#include "store/settled_payments_repo.hpp"

#include <gtest/gtest.h>

#include "app/earnings.hpp"
#include "store/testing/seeded_engine_test.hpp"

namespace confer::store {
namespace {

bool operator_equal(const app::EarningsRow& a, const app::EarningsRow& b) {
  return std::tie(a.month, a.currency, a.gross, a.platform_fee, a.net, a.refunded, a.payments) ==
         std::tie(b.month, b.currency, b.gross, b.platform_fee, b.net, b.refunded, b.payments);
}

std::string describe(const std::vector<app::EarningsRow>& rows) {
  std::string out;
  for (const auto& r : rows)
    out += r.month + " " + r.currency + " " + std::to_string(r.gross) + "/" +
           std::to_string(r.platform_fee) + "/" + std::to_string(r.net) + "/" +
           std::to_string(r.refunded) + "/" + std::to_string(r.payments) + "\n";
  return out;
}

// The earnings the database sums, on each engine, against the app's rule
// over the same payments: a year of them, some refunded in full or in part.
class SettledPaymentsTest : public testing::SeededEngineTest {
 protected:
  void SetUp() override {
    ScaleSeedOptions options;
    options.specialists = 4;
    options.customers = 30;
    options.bookings = 1'200;
    options.busy = 1;
    options.busy_bookings = 600;
    if (!seed(options)) GTEST_SKIP() << GetParam() << " is not configured";
    write([&](Session& s) {
      // Part refunds of odd amounts, where rounding the new fee matters.
      s.execute(
          "UPDATE payments SET refunded_amount = amount / 3 + 7, status = 'partially-refunded'"
          " WHERE status = 'succeeded' AND id IN (SELECT id FROM payments ORDER BY id LIMIT 150)");
      s.execute(
          "UPDATE payments SET status = 'failed' WHERE id IN"
          " (SELECT id FROM payments ORDER BY id DESC LIMIT 20)");
      specialist_ = s.query_one(
                         "SELECT specialist_id FROM payments GROUP BY specialist_id"
                         " ORDER BY COUNT(*) DESC LIMIT 1")
                        ->text(0);
    });
  }

  // The payments as the app's rule reads them.
  std::vector<app::SettledPaymentRecord> settled(const std::string& specialist_id) {
    std::vector<app::SettledPaymentRecord> out;
    read([&](Session& s) {
      for (const auto& row :
           s.query("SELECT amount, refunded_amount, currency, COALESCE(succeeded_at, created_at),"
                   " platform_fee, specialist_id FROM payments"
                   " WHERE status IN ('succeeded', 'partially-refunded', 'refunded')"))
        if (specialist_id.empty() || row.text(5) == specialist_id)
          out.push_back(
              {row.integer(0), row.integer(1), row.text(2), row.integer(3), row.integer(4)});
    });
    return out;
  }

  void expect_same(const std::vector<app::EarningsRow>& got,
                   const std::vector<app::EarningsRow>& want) {
    ASSERT_EQ(got.size(), want.size()) << describe(got) << "---\n" << describe(want);
    for (std::size_t i = 0; i < got.size(); ++i)
      EXPECT_TRUE(operator_equal(got[i], want[i])) << describe({got[i]}) << describe({want[i]});
  }

  std::string specialist_;
};

TEST_P(SettledPaymentsTest, TheSqlSumsAreTheAppsRuleForOneSpecialistAndForAll) {
  SettledPaymentsRepo repo(*test_->database);
  for (int bps : {2'000, 1'234}) {
    auto mine = repo.monthly(specialist_, bps);
    EXPECT_GE(mine.size(), 12u);  // a year and more, month by month
    expect_same(mine, app::sum_by_month(settled(specialist_), bps));
    expect_same(repo.monthly("", bps), app::sum_by_month(settled(""), bps));
  }
  EXPECT_TRUE(repo.monthly("nobody", 2'000).empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, SettledPaymentsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace confer::store
