#include "app/payments/refunds.hpp"

#include <boost/json.hpp>

#include "app/booking_events.hpp"
#include "app/errors.hpp"
#include "security/crypto.hpp"

namespace confer::app {

std::optional<PaymentRecord> Refunds::settle(const std::string& booking_id) {
  std::optional<PaymentRecord> payment;
  std::int64_t owed = 0;
  work_.read([&](ports::Transaction& tx) {
    auto booking = tx.bookings().find(booking_id);
    payment = tx.payments().find_open_for_booking(booking_id);
    if (!booking || !payment) return;
    if (payment->status == "succeeded" || payment->status == "partially-refunded")
      owed = std::min(booking->refund_amount, payment->amount) - payment->refunded_amount;
  });
  if (!payment || owed <= 0) return payment;
  // The key names the total refunded after this one: a retry asks for the same.
  // A destination charge takes the refunded share back from the specialist;
  // a full refund also gives back the platform's fee.
  const bool destination_charge =
      boost::json::parse(payment->metadata_json).as_object().contains("destination");
  const bool full = payment->refunded_amount + owed >= payment->amount;
  auto refund_id = gateway_.refund(
      {payment->provider_payment_id, owed,
       "confer-refund-" + payment->id + "-" + std::to_string(payment->refunded_amount + owed),
       destination_charge, destination_charge && full});
  const auto now = clock_.now_ms();
  const auto refunded_total = payment->refunded_amount + owed;
  work_.write([&](ports::Transaction& tx) {
    auto& payments = tx.payments();
    payment = payments.find(payment->id);
    // Asked twice at once (the request and its retry job): the provider
    // refunded once (same key), and only the first to get here records it.
    if (payment->refunded_amount >= refunded_total) return;
    payment->refunded_amount = refunded_total;
    payment->status =
        payment->refunded_amount >= payment->amount ? "refunded" : "partially-refunded";
    payment->updated_at = now;
    payments.update(*payment);
    auto& bookings = tx.bookings();
    auto booking = bookings.find(booking_id);
    booking->payment_status = domain::PaymentStatus::refunded;
    booking->updated_at = now;
    bookings.update(*booking);
    AuditEntry entry;
    entry.id = security::new_uuid();
    entry.action = "payment.refunded";
    entry.entity_type = "payment";
    entry.entity_id = payment->id;
    entry.detail = std::to_string(owed) + " " + payment->currency + " (" + refund_id + ")";
    entry.created_at = now;
    tx.audit().append(entry);
  });
  return payment;
}

PaymentRecord Refunds::refund(const std::string& user_id, const std::string& role,
                              const std::string& payment_id, std::optional<std::int64_t> amount) {
  std::string booking_id;
  work_.write([&](ports::Transaction& tx) {
    auto payment = tx.payments().find(payment_id);
    if (!payment || (role != "admin" && payment->specialist_id != user_id))
      throw Error::not_found("The payment");
    if (payment->status != "succeeded" && payment->status != "partially-refunded")
      throw Error::conflict("Only a payment that went through can be refunded.");
    const auto left = payment->amount - payment->refunded_amount;
    const auto give = amount.value_or(left);
    if (give <= 0 || give > left)
      throw Error::invalid_field("amount", "must be from 1 to " + std::to_string(left));
    auto& bookings = tx.bookings();
    auto booking = bookings.find(payment->booking_id);
    booking->refund_amount = payment->refunded_amount + give;
    booking->payment_status = domain::PaymentStatus::refund_pending;
    booking->updated_at = clock_.now_ms();
    bookings.update(*booking);
    booking_id = booking->id;
    plan_refund(tx.outbox(), booking_id,
                booking->updated_at + settings_.refund_retry_seconds * std::int64_t{1000},
                booking->updated_at);
  });
  auto settled = settle(booking_id);
  if (!settled) throw Error::not_found("The payment");
  return *settled;
}

}  // namespace confer::app
