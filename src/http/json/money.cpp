#include "http/json/money.hpp"

#include "domain/money.hpp"

namespace confer::http::json {

boost::json::object money(std::int64_t amount, const std::string& currency) {
  return {{"amount", amount}, {"currency", currency}};
}

std::string money_text(std::int64_t amount, const std::string& currency) {
  auto known = domain::find_currency(currency);
  return known ? domain::format_money(amount, *known) : std::to_string(amount) + " " + currency;
}

}  // namespace confer::http::json
