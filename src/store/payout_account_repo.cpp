#include "store/payout_account_repo.hpp"

namespace confer::store {

std::optional<PayoutAccountRecord> PayoutAccountRepo::for_user(const std::string& user_id) {
  auto row = session_.query_one(
      "SELECT user_id, provider, account_id, charges_enabled, payouts_enabled, details_submitted,"
      " created_at, updated_at FROM payout_accounts WHERE user_id = $1",
      {user_id});
  if (!row) return std::nullopt;
  return PayoutAccountRecord{row->text(0),    row->text(1),    row->text(2),    row->boolean(3),
                             row->boolean(4), row->boolean(5), row->integer(6), row->integer(7)};
}

void PayoutAccountRepo::insert(const PayoutAccountRecord& a) {
  session_.execute(
      "INSERT INTO payout_accounts (user_id, provider, account_id, charges_enabled,"
      " payouts_enabled, details_submitted, created_at, updated_at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {a.user_id, a.provider, a.account_id, std::int64_t{a.charges_enabled},
       std::int64_t{a.payouts_enabled}, std::int64_t{a.details_submitted}, a.created_at,
       a.updated_at});
}

bool PayoutAccountRepo::update_flags(const std::string& provider, const std::string& account_id,
                                     bool charges, bool payouts, bool details, std::int64_t now) {
  return session_.execute(
             "UPDATE payout_accounts SET charges_enabled = $3, payouts_enabled = $4,"
             " details_submitted = $5, updated_at = $6 WHERE provider = $1 AND account_id = $2",
             {provider, account_id, std::int64_t{charges}, std::int64_t{payouts},
              std::int64_t{details}, now}) > 0;
}

void PayoutAccountRepo::remove(const std::string& user_id) {
  session_.execute("DELETE FROM payout_accounts WHERE user_id = $1", {user_id});
}

}  // namespace confer::store
