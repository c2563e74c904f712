#pragma once
// What the payment use cases are configured with, and what a webhook did.
#include <optional>
#include <string>
#include <string_view>

#include "app/ports/records.hpp"

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
std::string_view payout_status(const std::optional<PayoutAccountRecord>& account);

}  // namespace confer::app
