// Stripe's events (and the sandbox's, signed the same way), each applied
// once — the event id is recorded in the same transaction as the change — in
// any order, any number of times. The gateway reads the body into a
// PaymentEvent; nothing here reads its JSON.
#include "app/payments/payment_webhooks.hpp"

#include "app/booking_events.hpp"
#include "app/errors.hpp"
#include "app/payment_events.hpp"
#include "log.hpp"
#include "security/crypto.hpp"
#include "security/webhook_signature.hpp"

namespace confer::app {
namespace {

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// What a succeeded intent says it took, against what the payment asked for:
// the amount received and the currency (lower case at Stripe). A
// description of the difference, if any.
std::optional<std::string> amount_mismatch(const PaymentEvent& succeeded,
                                           const PaymentRecord& payment) {
  const auto received = succeeded.amount_received;
  const auto currency = lower(succeeded.currency);
  if (received == payment.amount && currency == lower(payment.currency)) return std::nullopt;
  return "the event says " + std::to_string(received) + " " +
         (currency.empty() ? "(no currency)" : currency) + ", the payment is for " +
         std::to_string(payment.amount) + " " + lower(payment.currency);
}

void audit(ports::Transaction& tx, const std::string& action, const std::string& payment_id,
           const std::string& detail, std::int64_t now) {
  AuditEntry entry;
  entry.id = security::new_uuid();
  entry.action = action;
  entry.entity_type = "payment";
  entry.entity_id = payment_id;
  entry.detail = detail;
  entry.created_at = now;
  tx.audit().append(entry);
}

}  // namespace

WebhookOutcome PaymentWebhooks::handle(std::string_view body, std::string_view signature_header) {
  const auto now = clock_.now_ms();
  auto check = security::check_stripe_signature(signature_header, body, settings_.webhook_secret,
                                                now / 1000);
  if (check != security::SignatureCheck::Valid)
    throw Error::bad_request("The webhook signature is not valid.");
  const auto event = gateway_.read_event(body);
  WebhookOutcome outcome = WebhookOutcome::ignored;
  std::optional<std::string> refund_booking;  // money to give back once committed
  try {
    work_.write([&](ports::Transaction& tx) {
      if (!tx.payments().record_event("stripe", event.id, event.type_name, now)) {
        outcome = WebhookOutcome::duplicate;
        return;
      }
      outcome = apply(tx, event, now, refund_booking);
    });
  } catch (const ports::Clash&) {
    return WebhookOutcome::duplicate;  // the same event, recorded by a parallel delivery
  }
  if (refund_booking) {
    try {
      refunds_.settle(*refund_booking);
    } catch (const std::exception& failure) {
      // Recorded as refund-pending; the refund job asks again later.
      log::error("automatic refund failed",
                 {{"booking", *refund_booking}, {"error", failure.what()}});
    }
  }
  return outcome;
}

WebhookOutcome PaymentWebhooks::apply(ports::Transaction& tx, const PaymentEvent& event,
                                      std::int64_t now,
                                      std::optional<std::string>& refund_booking) {
  using Type = PaymentEventType;
  if (event.type == Type::account_updated) {
    const auto& a = event.account;
    return tx.payout_accounts().update_flags(gateway_.name(), a.id, a.charges_enabled,
                                             a.payouts_enabled, a.details_submitted, now)
               ? WebhookOutcome::applied
               : WebhookOutcome::ignored;
  }
  auto payment = tx.payments().find_by_provider_id(gateway_.name(), event.provider_payment_id);
  if (!payment) return WebhookOutcome::ignored;  // not ours (another integration, same account)
  auto outcome = WebhookOutcome::applied;
  if (event.type == Type::payment_succeeded) {
    refund_booking = succeeded(tx, event, *payment, now);
  } else if (event.type == Type::payment_failed) {
    if (payment->status == "pending") {
      payment->status = "failed";
      payment->failure_reason = event.failure_message.value_or("The payment was declined.");
      payment->attempted_at = now;
    }
  } else if (event.type == Type::charge_refunded) {
    refunded(tx, event, *payment, now);
  } else if (event.type != Type::refund_updated || !refund_failed(tx, event, *payment, now)) {
    outcome = WebhookOutcome::ignored;
  }
  payment->updated_at = now;
  tx.payments().update(*payment);
  return outcome;
}

std::optional<std::string> PaymentWebhooks::succeeded(ports::Transaction& tx,
                                                      const PaymentEvent& event,
                                                      PaymentRecord& payment, std::int64_t now) {
  if (auto mismatch = amount_mismatch(event, payment)) {
    // Signed, but not for what was asked: never confirms. Kept on the
    // payment and in the audit log, and loud in the operator's log.
    log::error("payment amount or currency mismatch",
               {{"payment", payment.id}, {"detail", *mismatch}});
    audit(tx, "payment.amount_mismatch", payment.id, *mismatch, now);
    if (payment.status == "pending") payment.failure_reason = *mismatch;
    return std::nullopt;
  }
  if (payment.status != "pending" && payment.status != "failed") return std::nullopt;
  payment.status = "succeeded";
  payment.succeeded_at = now;
  payment.failure_reason.reset();
  if (bookings_.paid(tx, payment.booking_id, now)) return std::nullopt;
  // The hold ran out before the money came: all of it goes back.
  auto booking = tx.bookings().find(payment.booking_id);
  booking->refund_amount = payment.amount;
  booking->payment_status = domain::PaymentStatus::refund_pending;
  booking->updated_at = now;
  tx.bookings().update(*booking);
  plan_refund(tx.outbox(), booking->id, now + settings_.refund_retry_seconds * std::int64_t{1000},
              now);
  return booking->id;
}

void PaymentWebhooks::refunded(ports::Transaction& tx, const PaymentEvent& event,
                               PaymentRecord& payment, std::int64_t now) {
  // Stripe's running total wins over ours: it counts refunds made in its
  // dashboard too. Totals only grow, so order does not matter.
  const auto refunded = std::min(event.amount_refunded, payment.amount);
  if (refunded <= payment.refunded_amount) return;
  payment.refunded_amount = refunded;
  payment.status = refunded >= payment.amount ? "refunded" : "partially-refunded";
  if (auto booking = tx.bookings().find(payment.booking_id)) {
    booking->payment_status = domain::PaymentStatus::refunded;
    booking->refund_amount = std::max(booking->refund_amount, refunded);
    booking->updated_at = now;
    tx.bookings().update(*booking);
  }
  audit(tx, "payment.refund_settled", payment.id,
        std::to_string(refunded) + " " + payment.currency + " refunded in total", now);
}

bool PaymentWebhooks::refund_failed(ports::Transaction& tx, const PaymentEvent& event,
                                    const PaymentRecord& payment, std::int64_t now) {
  if (event.refund_status != "failed" && event.refund_status != "canceled") return false;
  if (auto booking = tx.bookings().find(payment.booking_id)) {
    booking->payment_status = domain::PaymentStatus::refund_failed;
    booking->updated_at = now;
    tx.bookings().update(*booking);
  }
  audit(tx, "payment.refund_failed", payment.id,
        event.refund_id + ": " + event.refund_failure_reason, now);
  return true;
}

}  // namespace confer::app
