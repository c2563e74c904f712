#include "store/settled_payments_repo.hpp"

namespace confer::store {

std::vector<app::SettledPaymentRecord> SettledPaymentsRepo::settled(
    const std::string& specialist_id) {
  std::vector<app::SettledPaymentRecord> payments;
  database_.transaction(TxMode::read, [&](Session& session) {
    for (const auto& row : session.query(
             "SELECT amount, refunded_amount, currency, COALESCE(succeeded_at, created_at),"
             " platform_fee, amount FROM payments WHERE ($1 = '' OR specialist_id = $1)"
             " AND status IN ('succeeded', 'partially-refunded', 'refunded')",
             {specialist_id}))
      payments.push_back(
          {row.integer(0), row.integer(1), row.text(2), row.integer(3), row.integer(4)});
  });
  return payments;
}

}  // namespace confer::store
