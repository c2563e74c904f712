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

struct EarningsRow {
  std::string month;  // "2027-07", UTC
  std::string currency;
  std::int64_t gross = 0;  // kept after refunds
  std::int64_t platform_fee = 0;
  std::int64_t net = 0;  // the specialist's share
  std::int64_t refunded = 0;
  int payments = 0;
};

// A specialist's rows (specialist_id set), or the whole platform's (empty).
std::vector<EarningsRow> earnings(ports::SettledPayments& payments,
                                  const std::string& specialist_id, int platform_fee_bps);

}  // namespace confer::app
