#include "domain/money.hpp"

#include <array>
#include <stdexcept>

namespace confer::domain {
namespace {

// Currencies Stripe settles, with their ISO 4217 minor-unit digits.
constexpr std::array<Currency, 43> currencies{{
    {"AED", 2}, {"ARS", 2}, {"AUD", 2}, {"BGN", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2},
    {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CZK", 2}, {"DKK", 2}, {"EGP", 2}, {"EUR", 2}, {"GBP", 2},
    {"HKD", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"JOD", 3}, {"JPY", 0}, {"KRW", 0},
    {"KWD", 3}, {"MXN", 2}, {"MYR", 2}, {"NGN", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PHP", 2},
    {"PLN", 2}, {"RON", 2}, {"SAR", 2}, {"SEK", 2}, {"SGD", 2}, {"THB", 2}, {"TRY", 2}, {"TWD", 2},
    {"USD", 2}, {"VND", 0}, {"ZAR", 2},
}};

}  // namespace

std::optional<Currency> find_currency(std::string_view code) {
  for (const auto& currency : currencies)
    if (currency.code == code) return currency;
  return std::nullopt;
}

FeeSplit split_platform_fee(std::int64_t amount, int fee_bps) {
  if (amount < 0 || fee_bps < 0 || fee_bps > 10'000)
    throw std::invalid_argument("amount must be ≥ 0 and fee_bps within 0..10000");
  // amount is at most ~9.2e14 minor units before amount × 10 000 overflows;
  // services are capped far below that.
  const std::int64_t fee = (amount * fee_bps + 5'000) / 10'000;
  return {fee, amount - fee};
}

std::string format_money(std::int64_t amount, const Currency& currency) {
  const bool negative = amount < 0;
  std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-(amount + 1)) + 1 : static_cast<std::uint64_t>(amount);
  std::string digits = std::to_string(magnitude);
  if (currency.exponent > 0) {
    if (digits.size() <= static_cast<std::size_t>(currency.exponent))
      digits.insert(0, currency.exponent + 1 - digits.size(), '0');
    digits.insert(digits.size() - currency.exponent, ".");
  }
  return (negative ? "-" : "") + digits + " " + std::string(currency.code);
}

}  // namespace confer::domain
