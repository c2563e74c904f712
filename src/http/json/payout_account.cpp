#include "http/json/payout_account.hpp"

#include "app/payments/payment_settings.hpp"

namespace confer::http::json {

boost::json::object payout_account(const std::optional<app::PayoutAccountRecord>& account) {
  const auto status = app::payout_status(account);
  if (!account) return {{"connected", false}, {"status", status}};
  return {{"connected", true},
          {"status", status},
          {"provider", account->provider},
          {"accountId", account->account_id},
          {"chargesEnabled", account->charges_enabled},
          {"payoutsEnabled", account->payouts_enabled},
          {"detailsSubmitted", account->details_submitted}};
}

}  // namespace confer::http::json
