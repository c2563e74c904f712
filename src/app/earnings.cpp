#include "app/earnings.hpp"

#include <map>

#include "domain/instant_format.hpp"
#include "domain/money.hpp"

namespace confer::app {

std::vector<EarningsRow> earnings(ports::SettledPayments& payments,
                                  const std::string& specialist_id, int platform_fee_bps) {
  return payments.monthly(specialist_id, platform_fee_bps);
}

std::vector<EarningsRow> sum_by_month(const std::vector<SettledPaymentRecord>& payments,
                                      int platform_fee_bps) {
  std::map<std::pair<std::string, std::string>, EarningsRow> rows;
  for (const auto& payment : payments) {
    const auto amount = payment.amount, refunded = payment.refunded_amount;
    const auto kept = amount - refunded;
    const auto month = domain::format_utc(domain::from_unix_ms(payment.settled_at)).substr(0, 7);
    auto& r = rows[{month, payment.currency}];
    r.month = month;
    r.currency = payment.currency;
    // Untouched payments keep the fee they were charged; refunded ones are
    // split again on what was kept.
    const auto split = refunded == 0
                           ? domain::FeeSplit{payment.platform_fee, amount - payment.platform_fee}
                           : domain::split_platform_fee(kept, platform_fee_bps);
    r.gross += kept;
    r.platform_fee += split.platform_fee;
    r.net += split.specialist_payout;
    r.refunded += refunded;
    ++r.payments;
  }
  std::vector<EarningsRow> result;
  for (auto& [key, row] : rows) result.push_back(row);
  return result;
}

}  // namespace confer::app
