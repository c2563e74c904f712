#pragma once
// Money is an integer count of a currency's minor units (cents, yen, fils)
// plus its ISO 4217 code. The platform's fee is a share in basis points.
//
// Rounding rule: fee = amount × bps / 10 000 rounded half up to a whole minor
// unit; the specialist's payout is the rest (amount − fee), so fee + payout =
// amount always, for every currency, whatever its number of decimals.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace confer::domain {

struct Currency {
  std::string_view code;  // "USD"
  int exponent;           // minor-unit digits: USD 2, JPY 0, KWD 3
};

// The currency for an upper-case ISO 4217 code, if Confer accepts it.
std::optional<Currency> find_currency(std::string_view code);

struct FeeSplit {
  std::int64_t platform_fee;
  std::int64_t specialist_payout;
};

// amount ≥ 0 minor units; fee_bps from 0 to 10 000.
FeeSplit split_platform_fee(std::int64_t amount, int fee_bps);

// "12.50 USD", "1500 JPY": the amount with the currency's decimals.
std::string format_money(std::int64_t amount, const Currency& currency);

}  // namespace confer::domain
