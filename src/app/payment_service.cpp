#include "app/payment_service.hpp"

#include <boost/json.hpp>

#include "app/booking_events.hpp"
#include "app/errors.hpp"
#include "app/payment_events.hpp"
#include "domain/money.hpp"
#include "log.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"
#include "security/webhook_signature.hpp"
#include "store/auth_repo.hpp"
#include "store/booking_repo.hpp"
#include "store/payout_account_repo.hpp"

namespace confer::app {

store::PaymentRecord PaymentService::create_intent(const std::string& customer_id,
                                                   const std::string& booking_id) {
  const auto now = clock_.now_ms();
  std::optional<store::PaymentRecord> existing;
  std::optional<std::string> destination;  // the specialist's connected account
  domain::Booking booking;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    auto found = store::BookingRepo(session).find(booking_id);
    if (!found || found->customer_id != customer_id) throw Error::not_found("The booking");
    booking = *found;
    existing = store::PaymentRepo(session).find_open_for_booking(booking_id);
    auto payout = store::PayoutAccountRepo(session).for_user(found->specialist_id);
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
  store::PaymentRecord payment;
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
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    store::PaymentRepo repo(session);
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

std::optional<store::PaymentRecord> PaymentService::find_sandbox(
    const std::string& provider_payment_id) {
  std::optional<store::PaymentRecord> payment;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    payment = store::PaymentRepo(session).find_by_provider_id("sandbox", provider_payment_id);
  });
  return payment;
}

store::PaymentRecord PaymentService::sandbox_decide(const std::string& provider_payment_id,
                                                    bool pay) {
  auto payment = find_sandbox(provider_payment_id);
  if (!payment || gateway_.name() != "sandbox") throw Error::not_found("The test payment");
  PaymentEvent event;
  event.id = "evt_sandbox_" + security::hex_encode(security::random_bytes(12));
  event.type = pay ? PaymentEventType::payment_succeeded : PaymentEventType::payment_failed;
  event.created_s = clock_.now_seconds();
  event.provider_payment_id = payment->provider_payment_id;
  event.amount_received = payment->amount;
  event.currency = payment->currency;
  if (!pay) event.failure_message = "The test card was declined.";
  const auto body = gateway_.event_body(event);
  handle_webhook(body, security::stripe_signature_header(settings_.webhook_secret, body,
                                                         clock_.now_seconds()));
  return *find_sandbox(provider_payment_id);
}

std::optional<store::PaymentRecord> PaymentService::settle_refund(const std::string& booking_id) {
  std::optional<store::PaymentRecord> payment;
  std::int64_t owed = 0;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    auto booking = store::BookingRepo(session).find(booking_id);
    payment = store::PaymentRepo(session).find_open_for_booking(booking_id);
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
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    store::PaymentRepo payments(session);
    payment = payments.find(payment->id);
    // Asked twice at once (the request and its retry job): the provider
    // refunded once (same key), and only the first to get here records it.
    if (payment->refunded_amount >= refunded_total) return;
    payment->refunded_amount = refunded_total;
    payment->status =
        payment->refunded_amount >= payment->amount ? "refunded" : "partially-refunded";
    payment->updated_at = now;
    payments.update(*payment);
    store::BookingRepo bookings(session);
    auto booking = bookings.find(booking_id);
    booking->payment_status = domain::PaymentStatus::refunded;
    booking->updated_at = now;
    bookings.update(*booking);
    store::AuditEntry entry;
    entry.id = security::new_uuid();
    entry.action = "payment.refunded";
    entry.entity_type = "payment";
    entry.entity_id = payment->id;
    entry.detail = std::to_string(owed) + " " + payment->currency + " (" + refund_id + ")";
    entry.created_at = now;
    store::append_audit(session, entry);
  });
  return payment;
}

store::PaymentRecord PaymentService::refund(const std::string& user_id, const std::string& role,
                                            const std::string& payment_id,
                                            std::optional<std::int64_t> amount) {
  std::string booking_id;
  database_.transaction(store::TxMode::write, [&](store::Session& session) {
    auto payment = store::PaymentRepo(session).find(payment_id);
    if (!payment || (role != "admin" && payment->specialist_id != user_id))
      throw Error::not_found("The payment");
    if (payment->status != "succeeded" && payment->status != "partially-refunded")
      throw Error::conflict("Only a payment that went through can be refunded.");
    const auto left = payment->amount - payment->refunded_amount;
    const auto give = amount.value_or(left);
    if (give <= 0 || give > left)
      throw Error::invalid_field("amount", "must be from 1 to " + std::to_string(left));
    store::BookingRepo bookings(session);
    auto booking = bookings.find(payment->booking_id);
    booking->refund_amount = payment->refunded_amount + give;
    booking->payment_status = domain::PaymentStatus::refund_pending;
    booking->updated_at = clock_.now_ms();
    bookings.update(*booking);
    booking_id = booking->id;
    plan_refund(session, booking_id,
                booking->updated_at + settings_.refund_retry_seconds * std::int64_t{1000},
                booking->updated_at);
  });
  auto settled = settle_refund(booking_id);
  if (!settled) throw Error::not_found("The payment");
  return *settled;
}

store::PaymentRecord PaymentService::get(const std::string& user_id,
                                         const std::string& payment_id) {
  std::optional<store::PaymentRecord> payment;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    payment = store::PaymentRepo(session).find(payment_id);
  });
  if (!payment || (payment->customer_id != user_id && payment->specialist_id != user_id))
    throw Error::not_found("The payment");
  return *payment;
}

std::vector<store::PaymentRecord> PaymentService::history(const std::string& user_id, int page,
                                                          int page_size) {
  std::vector<store::PaymentRecord> payments;
  database_.transaction(store::TxMode::read, [&](store::Session& session) {
    payments = store::PaymentRepo(session).for_user(user_id, page_size, (page - 1) * page_size);
  });
  return payments;
}

}  // namespace confer::app
