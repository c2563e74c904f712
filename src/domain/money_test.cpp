#include "domain/money.hpp"

#include <gtest/gtest.h>

namespace confer::domain {
namespace {

// Invariant 3, exhaustively over the range the issue names, for a two-decimal
// and a zero-decimal currency (the split does not depend on the currency, but
// the test says so out loud).
TEST(PlatformFee, FeePlusPayoutIsTheAmountForEveryAmountUpTo100000) {
  for (int bps : {0, 1, 1999, 2000, 2001, 3333, 9999, 10'000}) {
    for (std::int64_t amount = 1; amount <= 100'000; ++amount) {
      auto split = split_platform_fee(amount, bps);
      ASSERT_EQ(split.platform_fee + split.specialist_payout, amount) << amount << " " << bps;
      ASSERT_GE(split.platform_fee, 0);
      ASSERT_GE(split.specialist_payout, 0);
      // Rounded half up: within half a minor unit of the exact share.
      const double exact = static_cast<double>(amount) * bps / 10'000.0;
      ASSERT_LE(std::abs(static_cast<double>(split.platform_fee) - exact), 0.5) << amount;
    }
  }
}

TEST(PlatformFee, TwentyPercentOfTheBriefsExample) {
  auto split = split_platform_fee(10'000, 2000);  // $100.00
  EXPECT_EQ(split.platform_fee, 2'000);
  EXPECT_EQ(split.specialist_payout, 8'000);
  auto yen = split_platform_fee(1'499, 2000);  // ¥1,499: 299.8 → 300
  EXPECT_EQ(yen.platform_fee, 300);
  EXPECT_EQ(yen.specialist_payout, 1'199);
  auto half = split_platform_fee(5, 1000);  // 0.5 → 1 (half up)
  EXPECT_EQ(half.platform_fee, 1);
}

TEST(PlatformFee, RefusesNegativeAmountsAndImpossibleRates) {
  EXPECT_THROW(split_platform_fee(-1, 2000), std::invalid_argument);
  EXPECT_THROW(split_platform_fee(100, 10'001), std::invalid_argument);
}

TEST(Currency, KnowsMinorUnits) {
  EXPECT_EQ(find_currency("USD")->exponent, 2);
  EXPECT_EQ(find_currency("JPY")->exponent, 0);
  EXPECT_EQ(find_currency("KWD")->exponent, 3);
  EXPECT_FALSE(find_currency("usd"));
  EXPECT_FALSE(find_currency("ABC"));
}

TEST(Currency, FormatsWithTheRightDecimals) {
  EXPECT_EQ(format_money(1250, *find_currency("USD")), "12.50 USD");
  EXPECT_EQ(format_money(5, *find_currency("EUR")), "0.05 EUR");
  EXPECT_EQ(format_money(1500, *find_currency("JPY")), "1500 JPY");
  EXPECT_EQ(format_money(1, *find_currency("KWD")), "0.001 KWD");
}

}  // namespace
}  // namespace confer::domain
