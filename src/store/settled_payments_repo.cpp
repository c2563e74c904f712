#include "store/settled_payments_repo.hpp"

namespace confer::store {
namespace {

// The UTC month a payment settled in, per engine.
std::string month_of_settling(Dialect dialect) {
  return dialect == Dialect::sqlite
             ? "strftime('%Y-%m', COALESCE(succeeded_at, created_at) / 1000, 'unixepoch')"
             : "to_char(to_timestamp(COALESCE(succeeded_at, created_at) / 1000.0)"
               " AT TIME ZONE 'UTC', 'YYYY-MM')";
}

}  // namespace

std::vector<app::EarningsRow> SettledPaymentsRepo::monthly(const std::string& specialist_id,
                                                           int fee_bps) {
  // Untouched payments keep the fee they were charged; refunded ones are
  // split again on what was kept, rounding half up as
  // domain::split_platform_fee does (integer division on both engines).
  const auto sql =
      "SELECT " + month_of_settling(database_.dialect()) +
      " AS month, currency, SUM(amount - refunded_amount),"
      " SUM(CASE WHEN refunded_amount = 0 THEN platform_fee"
      "     ELSE ((amount - refunded_amount) * $1 + 5000) / 10000 END),"
      " SUM(refunded_amount), COUNT(*)"
      " FROM payments WHERE status IN ('succeeded', 'partially-refunded', 'refunded')" +
      std::string(specialist_id.empty() ? "" : " AND specialist_id = $2") +
      " GROUP BY 1, 2 ORDER BY 1, 2";
  Params params{std::int64_t{fee_bps}};
  if (!specialist_id.empty()) params.emplace_back(specialist_id);
  std::vector<app::EarningsRow> rows;
  database_.transaction(TxMode::read, [&](Session& session) {
    for (const auto& row : session.query(sql, params)) {
      app::EarningsRow r{row.text(0),
                         row.text(1),
                         row.integer(2),
                         row.integer(3),
                         0,
                         row.integer(4),
                         static_cast<int>(row.integer(5))};
      r.net = r.gross - r.platform_fee;
      rows.push_back(std::move(r));
    }
  });
  return rows;
}

}  // namespace confer::store
