#pragma once
// What a specialist earned, and what the platform took, per month and
// currency, from payments that went through (minus what was refunded). The
// fee on a partly refunded payment is recomputed on the amount kept, with the
// same rounding rule as at payment time, so fee + net = gross in every row.
#include <cstdint>
#include <string>
#include <vector>

#include "app/ports/catalog_ports.hpp"

namespace confer::app {

// The rule, over settled payments: rows per UTC month and currency, ordered
// so. The store sums the same in SQL (ports::SettledPayments::monthly).
std::vector<EarningsRow> sum_by_month(const std::vector<SettledPaymentRecord>& payments,
                                      int platform_fee_bps);

// A specialist's rows (specialist_id set), or the whole platform's (empty).
std::vector<EarningsRow> earnings(ports::SettledPayments& payments,
                                  const std::string& specialist_id, int platform_fee_bps);

}  // namespace confer::app
