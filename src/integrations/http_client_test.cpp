#include "integrations/http_client.hpp"

#include <gtest/gtest.h>

namespace confer::integrations {
namespace {

// Stripe reads nested parameters from bracketed names; the brackets travel
// percent-encoded and Stripe (like every form decoder) decodes them first.
TEST(FormEncoding, BracketedNamesAreEscapedAndKeepTheirOrder) {
  EXPECT_EQ(form_urlencode({{"amount", "12345"},
                            {"transfer_data[destination]", "acct_1"},
                            {"capabilities[card_payments][requested]", "true"}}),
            "amount=12345&transfer_data%5Bdestination%5D=acct_1&"
            "capabilities%5Bcard_payments%5D%5Brequested%5D=true");
}

TEST(FormEncoding, ReservedCharactersInValuesCannotSplitOrJoinFields) {
  // '&' and '=' would start a new field, '+' would read as a space, '%' as an escape.
  EXPECT_EQ(form_urlencode({{"description", "a&b=c+d 50%"}}), "description=a%26b%3Dc%2Bd%2050%25");
  EXPECT_EQ(form_urlencode({{"return_url", "https://x.test/dashboard?payouts=done#top"}}),
            "return_url=https%3A%2F%2Fx.test%2Fdashboard%3Fpayouts%3Ddone%23top");
}

TEST(FormEncoding, UnreservedCharactersStayAndUtf8IsEscapedBytewise) {
  EXPECT_EQ(form_urlencode({{"k", "AZaz09-._~"}}), "k=AZaz09-._~");
  EXPECT_EQ(form_urlencode({{"description", "Zoë €"}}), "description=Zo%C3%AB%20%E2%82%AC");
}

TEST(FormEncoding, EmptyValuesAndNoFields) {
  EXPECT_EQ(form_urlencode({{"metadata[note]", ""}}), "metadata%5Bnote%5D=");
  EXPECT_EQ(form_urlencode({}), "");
}

}  // namespace
}  // namespace confer::integrations
