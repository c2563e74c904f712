#include "store/payment_repo.hpp"

namespace confer::store {
namespace {

constexpr std::string_view columns =
    "id, booking_id, specialist_id, customer_id, amount, currency, platform_fee, "
    "specialist_payout, provider, provider_payment_id,"
    " client_secret, status, failure_reason, refunded_amount, metadata, created_at, attempted_at, "
    "succeeded_at, updated_at";

PaymentRecord to_payment(const Row& row) {
  PaymentRecord p;
  p.id = row.text(0);
  p.booking_id = row.text(1);
  p.specialist_id = row.text(2);
  p.customer_id = row.text(3);
  p.amount = row.integer(4);
  p.currency = row.text(5);
  p.platform_fee = row.integer(6);
  p.specialist_payout = row.integer(7);
  p.provider = row.text(8);
  p.provider_payment_id = row.text(9);
  p.client_secret = row.text(10);
  p.status = row.text(11);
  p.failure_reason = row.optional_text(12);
  p.refunded_amount = row.integer(13);
  p.metadata_json = row.text(14);
  p.created_at = row.integer(15);
  p.attempted_at = row.optional_integer(16);
  p.succeeded_at = row.optional_integer(17);
  p.updated_at = row.integer(18);
  return p;
}

std::string select_all() {
  return "SELECT " + std::string(columns) + " FROM payments";
}

}  // namespace

void PaymentRepo::insert(const PaymentRecord& p) {
  session_.execute(
      "INSERT INTO payments (" + std::string(columns) +
          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
          "$18, $19)",
      {p.id, p.booking_id, p.specialist_id, p.customer_id, p.amount, p.currency, p.platform_fee,
       p.specialist_payout, p.provider, p.provider_payment_id, p.client_secret, p.status,
       optional_param(p.failure_reason), p.refunded_amount, p.metadata_json, p.created_at,
       optional_param(p.attempted_at), optional_param(p.succeeded_at), p.updated_at});
}

void PaymentRepo::update(const PaymentRecord& p) {
  session_.execute(
      "UPDATE payments SET status = $2, failure_reason = $3, refunded_amount = $4, metadata = $5, "
      "attempted_at = $6, succeeded_at = $7, updated_at = $8 WHERE id = $1",
      {p.id, p.status, optional_param(p.failure_reason), p.refunded_amount, p.metadata_json,
       optional_param(p.attempted_at), optional_param(p.succeeded_at), p.updated_at});
}

std::optional<PaymentRecord> PaymentRepo::find(const std::string& id) {
  auto row = session_.query_one(select_all() + " WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return to_payment(*row);
}

std::optional<PaymentRecord> PaymentRepo::find_by_provider_id(
    const std::string& provider, const std::string& provider_payment_id) {
  auto row = session_.query_one(select_all() + " WHERE provider = $1 AND provider_payment_id = $2",
                                {provider, provider_payment_id});
  if (!row) return std::nullopt;
  return to_payment(*row);
}

std::optional<PaymentRecord> PaymentRepo::find_open_for_booking(const std::string& booking_id) {
  auto row = session_.query_one(select_all() +
                                    " WHERE booking_id = $1 AND status <> 'failed'"
                                    " ORDER BY created_at DESC LIMIT 1",
                                {booking_id});
  if (!row) return std::nullopt;
  return to_payment(*row);
}

std::vector<PaymentRecord> PaymentRepo::for_user(const std::string& user_id, int limit,
                                                 int offset) {
  std::vector<PaymentRecord> payments;
  for (const auto& row :
       session_.query(select_all() + " WHERE customer_id = $1 OR specialist_id = $1"
                                     " ORDER BY created_at DESC, id LIMIT $2 OFFSET $3",
                      {user_id, std::int64_t{limit}, std::int64_t{offset}}))
    payments.push_back(to_payment(row));
  return payments;
}

bool PaymentRepo::record_event(const std::string& provider, const std::string& event_id,
                               const std::string& type, std::int64_t now) {
  if (session_.query_one("SELECT 1 FROM webhook_events WHERE provider = $1 AND event_id = $2",
                         {provider, event_id}))
    return false;
  session_.execute(
      "INSERT INTO webhook_events (provider, event_id, type, received_at) VALUES ($1, $2, $3, $4)",
      {provider, event_id, type, now});
  return true;
}

}  // namespace confer::store
