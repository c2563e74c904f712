#pragma once
// Paying for a booking: the intent (amount and currency from the service,
// never from the client; the platform fee split off), and the provider's
// signed webhook events, each applied once in the transaction that records
// it — in any order, any number of times, with the same result.
#include <optional>
#include <string>
#include <vector>

#include "app/booking_service.hpp"
#include "app/clock.hpp"
#include "app/payment_gateway.hpp"
#include "store/database.hpp"
#include "store/payment_repo.hpp"
#include "store/payout_account_repo.hpp"

namespace confer::app {

struct PaymentSettings {
  int platform_fee_bps = 2000;    // PLATFORM_FEE_BPS
  std::string webhook_secret;     // STRIPE_WEBHOOK_SECRET (generated into DATA_DIR when unset)
  std::string app_url;            // where Connect onboarding returns to
  int refund_retry_seconds = 60;  // REFUND_RETRY_SECONDS (see plan_refund)
};

enum class WebhookOutcome { applied, duplicate, ignored };

// Where a specialist's payouts stand: "none" (no account yet), "pending"
// (made, but the provider cannot both take charges and pay out yet: the
// specialist has onboarding left to finish) or "active".
std::string_view payout_status(const std::optional<store::PayoutAccountRecord>& account);

class PaymentService {
 public:
  PaymentService(store::Database& database, const Clock& clock, PaymentGateway& gateway,
                 BookingService& bookings, PaymentSettings settings)
      : database_(database),
        clock_(clock),
        gateway_(gateway),
        bookings_(bookings),
        settings_(std::move(settings)) {}

  // For the booking's customer, while the booking awaits payment; asking
  // again returns the same open intent.
  store::PaymentRecord create_intent(const std::string& customer_id, const std::string& booking_id);
  // The raw body exactly as received, and its Stripe-Signature header.
  WebhookOutcome handle_webhook(std::string_view body, std::string_view signature_header);
  // The sandbox's TEST MODE page: the customer pays or declines; an event
  // signed as Stripe signs it goes through handle_webhook.
  store::PaymentRecord sandbox_decide(const std::string& provider_payment_id, bool pay);
  std::optional<store::PaymentRecord> find_sandbox(const std::string& provider_payment_id);

  // Moves the money a booking's refund_amount promises and the payment has
  // not yet returned; called after a cancellation commits (the provider is
  // never called inside a transaction). Returns the payment, if any.
  std::optional<store::PaymentRecord> settle_refund(const std::string& booking_id);
  // A refund decided by the specialist (or an admin): all of what is left,
  // or `amount` minor units of it.
  store::PaymentRecord refund(const std::string& user_id, const std::string& role,
                              const std::string& payment_id, std::optional<std::int64_t> amount);

  // Connect onboarding: the specialist's payout account (made on first use)
  // and a fresh one-time onboarding link for it.
  std::pair<store::PayoutAccountRecord, std::string> onboarding_link(const std::string& user_id);
  std::optional<store::PayoutAccountRecord> payout_account(const std::string& user_id);
  // The sandbox's onboarding page completes: an account.updated event,
  // signed as Stripe signs it, goes through handle_webhook.
  void sandbox_complete_onboarding(const std::string& account_id);

  store::PaymentRecord get(const std::string& user_id, const std::string& payment_id);
  std::vector<store::PaymentRecord> history(const std::string& user_id, int page, int page_size);

 private:
  store::Database& database_;
  const Clock& clock_;
  PaymentGateway& gateway_;
  BookingService& bookings_;
  PaymentSettings settings_;
};

}  // namespace confer::app
