#include "http/json/money.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace confer::http::json {
namespace {

TEST(MoneyJson, AmountInMinorUnitsBesideItsCurrency) {
  EXPECT_EQ(boost::json::serialize(money(1250, "USD")), R"({"amount":1250,"currency":"USD"})");
}

TEST(MoneyJson, TextHasTheCurrencysDecimals) {
  EXPECT_EQ(money_text(1250, "USD"), "12.50 USD");
  EXPECT_EQ(money_text(1500, "JPY"), "1500 JPY");
  EXPECT_EQ(money_text(1234, "KWD"), "1.234 KWD");
}

TEST(MoneyJson, AnUnknownCurrencyKeepsTheMinorUnits) {
  EXPECT_EQ(money_text(1250, "XYZ"), "1250 XYZ");
}

}  // namespace
}  // namespace confer::http::json
