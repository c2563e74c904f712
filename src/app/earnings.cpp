#include "app/earnings.hpp"

#include <map>

#include "domain/instant_format.hpp"
#include "domain/money.hpp"

namespace confer::app {

std::vector<EarningsRow> earnings(store::Database& database, const std::string& specialist_id,
                                  int platform_fee_bps) {
  std::map<std::pair<std::string, std::string>, EarningsRow> rows;
  database.transaction(store::TxMode::read, [&](store::Session& session) {
    for (const auto& row : session.query(
             "SELECT amount, refunded_amount, currency, COALESCE(succeeded_at, created_at),"
             " platform_fee, amount FROM payments WHERE ($1 = '' OR specialist_id = $1)"
             " AND status IN ('succeeded', 'partially-refunded', 'refunded')",
             {specialist_id})) {
      const auto amount = row.integer(0), refunded = row.integer(1);
      const auto kept = amount - refunded;
      const auto month = domain::format_utc(domain::from_unix_ms(row.integer(3))).substr(0, 7);
      auto& r = rows[{month, row.text(2)}];
      r.month = month;
      r.currency = row.text(2);
      // Untouched payments keep the fee they were charged; refunded ones are
      // split again on what was kept.
      const auto split = refunded == 0 ? domain::FeeSplit{row.integer(4), amount - row.integer(4)}
                                       : domain::split_platform_fee(kept, platform_fee_bps);
      r.gross += kept;
      r.platform_fee += split.platform_fee;
      r.net += split.specialist_payout;
      r.refunded += refunded;
      ++r.payments;
    }
  });
  std::vector<EarningsRow> result;
  for (auto& [key, row] : rows) result.push_back(row);
  return result;
}

}  // namespace confer::app
