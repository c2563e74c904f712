// PaymentService::handle_webhook: Stripe's events (and the sandbox's, signed
// the same way), each applied once — the event id is recorded in the same
// transaction as the change — in any order, any number of times. The
// gateway reads the body into a PaymentEvent; nothing here reads its JSON.
#include "app/booking_events.hpp"
#include "app/errors.hpp"
#include "app/payment_events.hpp"
#include "app/payment_service.hpp"
#include "log.hpp"
#include "security/crypto.hpp"
#include "security/webhook_signature.hpp"
#include "store/auth_repo.hpp"
#include "store/booking_repo.hpp"
#include "store/payout_account_repo.hpp"

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
                                           const store::PaymentRecord& payment) {
  const auto received = succeeded.amount_received;
  const auto currency = lower(succeeded.currency);
  if (received == payment.amount && currency == lower(payment.currency)) return std::nullopt;
  return "the event says " + std::to_string(received) + " " +
         (currency.empty() ? "(no currency)" : currency) + ", the payment is for " +
         std::to_string(payment.amount) + " " + lower(payment.currency);
}

void audit(store::Session& session, const std::string& action, const std::string& payment_id,
           const std::string& detail, std::int64_t now) {
  store::AuditEntry entry;
  entry.id = security::new_uuid();
  entry.action = action;
  entry.entity_type = "payment";
  entry.entity_id = payment_id;
  entry.detail = detail;
  entry.created_at = now;
  store::append_audit(session, entry);
}

}  // namespace

WebhookOutcome PaymentService::handle_webhook(std::string_view body,
                                              std::string_view signature_header) {
  const auto now = clock_.now_ms();
  auto check = security::check_stripe_signature(signature_header, body, settings_.webhook_secret,
                                                now / 1000);
  if (check != security::SignatureCheck::Valid)
    throw Error::bad_request("The webhook signature is not valid.");
  const auto event = gateway_.read_event(body);
  using Type = PaymentEventType;

  WebhookOutcome outcome = WebhookOutcome::ignored;
  std::optional<std::string> refund_booking;  // money to give back once committed
  try {
    database_.transaction(store::TxMode::write, [&](store::Session& session) {
      store::PaymentRepo payments(session);
      if (!payments.record_event("stripe", event.id, event.type_name, now)) {
        outcome = WebhookOutcome::duplicate;
        return;
      }
      if (event.type == Type::account_updated) {
        if (store::PayoutAccountRepo(session).update_flags(
                gateway_.name(), event.account.id, event.account.charges_enabled,
                event.account.payouts_enabled, event.account.details_submitted, now))
          outcome = WebhookOutcome::applied;
        return;
      }
      auto payment = payments.find_by_provider_id(gateway_.name(), event.provider_payment_id);
      if (!payment) return;  // not ours (another integration on the same account)
      store::BookingRepo bookings(session);
      if (event.type == Type::payment_succeeded) {
        if (auto mismatch = amount_mismatch(event, *payment)) {
          // Signed, but not for what was asked: never confirms. Kept on the
          // payment and in the audit log, and loud in the operator's log.
          log::error("payment amount or currency mismatch",
                     {{"payment", payment->id}, {"detail", *mismatch}});
          audit(session, "payment.amount_mismatch", payment->id, *mismatch, now);
          if (payment->status == "pending") payment->failure_reason = *mismatch;
          outcome = WebhookOutcome::applied;
        } else if (payment->status == "pending" || payment->status == "failed") {
          payment->status = "succeeded";
          payment->succeeded_at = now;
          payment->failure_reason.reset();
          if (!bookings_.confirm_payment(session, payment->booking_id, now)) {
            // The hold ran out before the money came: all of it goes back.
            auto booking = bookings.find(payment->booking_id);
            booking->refund_amount = payment->amount;
            booking->payment_status = domain::PaymentStatus::refund_pending;
            booking->updated_at = now;
            bookings.update(*booking);
            refund_booking = booking->id;
            plan_refund(session, booking->id,
                        now + settings_.refund_retry_seconds * std::int64_t{1000}, now);
          }
        }
        outcome = WebhookOutcome::applied;
      } else if (event.type == Type::payment_failed) {
        if (payment->status == "pending") {
          payment->status = "failed";
          payment->failure_reason = event.failure_message.value_or("The payment was declined.");
          payment->attempted_at = now;
        }
        outcome = WebhookOutcome::applied;
      } else if (event.type == Type::charge_refunded) {
        // Stripe's running total wins over ours: it counts refunds made in
        // its dashboard too. Totals only grow, so order does not matter.
        const auto refunded = std::min(event.amount_refunded, payment->amount);
        if (refunded > payment->refunded_amount) {
          payment->refunded_amount = refunded;
          payment->status = refunded >= payment->amount ? "refunded" : "partially-refunded";
          if (auto booking = bookings.find(payment->booking_id)) {
            booking->payment_status = domain::PaymentStatus::refunded;
            booking->refund_amount = std::max(booking->refund_amount, refunded);
            booking->updated_at = now;
            bookings.update(*booking);
          }
          audit(session, "payment.refund_settled", payment->id,
                std::to_string(refunded) + " " + payment->currency + " refunded in total", now);
        }
        outcome = WebhookOutcome::applied;
      } else if (event.type == Type::refund_updated) {
        const auto& status = event.refund_status;
        if (status == "failed" || status == "canceled") {
          if (auto booking = bookings.find(payment->booking_id)) {
            booking->payment_status = domain::PaymentStatus::refund_failed;
            booking->updated_at = now;
            bookings.update(*booking);
          }
          audit(session, "payment.refund_failed", payment->id,
                event.refund_id + ": " + event.refund_failure_reason, now);
          outcome = WebhookOutcome::applied;
        }
      }
      payment->updated_at = now;
      payments.update(*payment);
    });
  } catch (const store::DbError& error) {
    if (error.kind() == store::DbErrorKind::unique_violation) return WebhookOutcome::duplicate;
    throw;
  }
  if (refund_booking) {
    try {
      settle_refund(*refund_booking);
    } catch (const std::exception& failure) {
      // Recorded as refund-pending; the refund job asks again later.
      log::error("automatic refund failed",
                 {{"booking", *refund_booking}, {"error", failure.what()}});
    }
  }
  return outcome;
}

}  // namespace confer::app
