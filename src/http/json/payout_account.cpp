#include "http/json/payout_account.hpp"

#include "app/payment_service.hpp"

namespace confer::http::json {

boost::json::object payout_account(const std::optional<store::PayoutAccountRecord>& account) {
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
