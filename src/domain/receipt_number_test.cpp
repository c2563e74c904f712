#include "domain/receipt_number.hpp"

#include <gtest/gtest.h>

namespace confer::domain {
namespace {

TEST(ReceiptNumber, TakesTheRandomEndOfTheIdInGroupsOfFour) {
  EXPECT_EQ(receipt_number("0190f3a2-7b1c-7d4e-9c1b-7e4d5a601f2e"), "CONF-9C1B-7E4D-5A60-1F2E");
}

TEST(ReceiptNumber, BookingsMadeInTheSameMinuteGetDifferentNumbers) {
  // UUIDv7 ids of one millisecond share their first 12 digits.
  EXPECT_NE(receipt_number("0190f3a2-7b1c-7d4e-9c1b-7e4d5a601f2e"),
            receipt_number("0190f3a2-7b1c-7d4e-8a07-33c0de91b6a4"));
}

}  // namespace
}  // namespace confer::domain
