#include "http/json/payment.hpp"

#include <boost/json.hpp>
#include <map>

#include "http/json/instant.hpp"
#include "http/json/nullable.hpp"

namespace confer::http::json {

boost::json::object payment(const app::PaymentRecord& p) {
  return {{"paymentId", p.id},
          {"id", p.id},
          {"bookingId", p.booking_id},
          {"provider", p.provider},
          {"providerPaymentId", p.provider_payment_id},
          {"amount", p.amount},
          {"currency", p.currency},
          {"platformFee", p.platform_fee},
          {"specialistPayout", p.specialist_payout},
          {"status", p.status},
          {"refundedAmount", p.refunded_amount},
          {"createdAt", iso_utc(p.created_at)},
          {"failureReason", or_null(p.failure_reason)},
          {"succeededAt", iso_utc_or_null(p.succeeded_at)},
          // serviceId, start, and `destination` (the specialist's connected
          // account) when the payment is a destination charge.
          {"metadata", boost::json::parse(p.metadata_json)}};
}

boost::json::object earnings(const std::vector<app::EarningsRow>& rows) {
  boost::json::array months;
  std::map<std::string, boost::json::object> totals;
  for (const auto& r : rows) {
    months.push_back({{"month", r.month},
                      {"currency", r.currency},
                      {"gross", r.gross},
                      {"platformFee", r.platform_fee},
                      {"net", r.net},
                      {"refunded", r.refunded},
                      {"payments", r.payments}});
    auto& t = totals[r.currency];
    t["currency"] = r.currency;
    for (auto [key, value] : {std::pair{"gross", r.gross}, std::pair{"platformFee", r.platform_fee},
                              std::pair{"net", r.net}, std::pair{"refunded", r.refunded}})
      t[key] = (t.contains(key) ? t[key].as_int64() : 0) + value;
  }
  boost::json::array total_list;
  for (auto& [currency, t] : totals) total_list.push_back(t);
  // Confer does not follow payouts: with a connected account the provider
  // transfers the specialist's share when the payment is made (a destination
  // charge) and pays it out on its own schedule; without one the money stays
  // on the platform's account. So no payout is ever reported as made.
  return {{"months", std::move(months)},
          {"totals", std::move(total_list)},
          {"payoutStatus", "pending"}};
}

}  // namespace confer::http::json
