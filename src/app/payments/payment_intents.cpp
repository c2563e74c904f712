#include "app/payments/payment_intents.hpp"

#include <boost/json.hpp>

#include "app/errors.hpp"
#include "domain/money.hpp"
#include "security/crypto.hpp"

namespace confer::app {

PaymentRecord PaymentIntents::create(const std::string& customer_id,
                                     const std::string& booking_id) {
  const auto now = clock_.now_ms();
  std::optional<PaymentRecord> existing;
  std::optional<std::string> destination;  // the specialist's connected account
  domain::Booking booking;
  work_.read([&](ports::Transaction& tx) {
    auto found = tx.bookings().find(booking_id);
    if (!found || found->customer_id != customer_id) throw Error::not_found("The booking");
    booking = *found;
    existing = tx.payments().find_open_for_booking(booking_id);
    auto payout = tx.payout_accounts().for_user(found->specialist_id);
    if (payout && payout->provider == gateway_.name() && payout->charges_enabled)
      destination = payout->account_id;
  });
  // An intent of another provider (the sandbox's, made before Stripe was
  // configured) cannot be paid any more: a new one replaces it.
  if (existing && existing->provider == gateway_.name()) return *existing;
  if (!booking.awaits_payment() || booking.hold_lapsed(now))
    throw Error::conflict("This booking is not waiting for payment.");
  if (booking.price.amount <= 0) throw Error::conflict("This booking is free: nothing to pay.");

  const auto split = domain::split_platform_fee(booking.price.amount, settings_.platform_fee_bps);
  // No call to a provider inside a database transaction.
  auto intent = gateway_.create_intent({booking.price.amount, booking.price.currency,
                                        split.platform_fee, "confer-intent-" + booking.id,
                                        booking.id, "Confer booking " + booking.id, destination});
  PaymentRecord payment;
  payment.id = security::new_uuid();
  payment.booking_id = booking.id;
  payment.specialist_id = booking.specialist_id;
  payment.customer_id = booking.customer_id;
  payment.amount = booking.price.amount;
  payment.currency = booking.price.currency;
  payment.platform_fee = split.platform_fee;
  payment.specialist_payout = split.specialist_payout;
  payment.provider = intent.provider;
  payment.provider_payment_id = intent.provider_payment_id;
  payment.client_secret = intent.client_secret;
  boost::json::object metadata{{"serviceId", booking.service_id}, {"start", booking.start_at}};
  if (destination) metadata["destination"] = *destination;
  payment.metadata_json = boost::json::serialize(metadata);
  payment.created_at = payment.updated_at = now;
  work_.write([&](ports::Transaction& tx) {
    auto& repo = tx.payments();
    if (auto raced = repo.find_open_for_booking(booking_id)) {
      if (raced->provider == gateway_.name()) {
        payment = *raced;  // a parallel request made it first
        return;
      }
      raced->status = "failed";
      raced->failure_reason = "Replaced by a " + payment.provider + " payment.";
      raced->updated_at = now;
      repo.update(*raced);
    }
    repo.insert(payment);
  });
  return payment;
}

PaymentRecord PaymentIntents::get(const std::string& user_id, const std::string& payment_id) {
  std::optional<PaymentRecord> payment;
  work_.read([&](ports::Transaction& tx) { payment = tx.payments().find(payment_id); });
  if (!payment || (payment->customer_id != user_id && payment->specialist_id != user_id))
    throw Error::not_found("The payment");
  return *payment;
}

std::vector<PaymentRecord> PaymentIntents::history(const std::string& user_id, int page,
                                                   int page_size) {
  std::vector<PaymentRecord> payments;
  work_.read([&](ports::Transaction& tx) {
    payments = tx.payments().for_user(user_id, page_size, (page - 1) * page_size);
  });
  return payments;
}

}  // namespace confer::app
