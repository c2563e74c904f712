// Connect onboarding: each specialist gets one payout account with the
// provider, created on first use with an idempotency key of their own id (two
// clicks cannot make two accounts), then a fresh one-time onboarding link
// whenever they ask.
#include "app/payments/payouts.hpp"

#include "app/errors.hpp"
#include "app/payment_events.hpp"
#include "security/crypto.hpp"
#include "security/encoding.hpp"
#include "security/webhook_signature.hpp"

namespace confer::app {

std::string_view payout_status(const std::optional<PayoutAccountRecord>& account) {
  if (!account) return "none";
  return account->charges_enabled && account->payouts_enabled ? "active" : "pending";
}

std::pair<PayoutAccountRecord, std::string> Payouts::onboarding_link(const std::string& user_id) {
  std::optional<PayoutAccountRecord> account;
  std::string email;
  work_.read([&](ports::Transaction& tx) {
    auto user = tx.directory().user(user_id);
    if (!user || user->role != "specialist") throw Error::not_found("Your specialist account");
    email = user->email;
    account = tx.payout_accounts().for_user(user_id);
  });
  if (!account || account->provider != gateway_.name()) {
    // No provider call inside a transaction: create, then record.
    auto created = gateway_.create_account(user_id, email, "confer-account-" + user_id);
    const auto now = clock_.now_ms();
    PayoutAccountRecord record{user_id,
                               gateway_.name(),
                               created.id,
                               created.charges_enabled,
                               created.payouts_enabled,
                               created.details_submitted,
                               now,
                               now};
    work_.write([&](ports::Transaction& tx) {
      auto& repo = tx.payout_accounts();
      if (auto raced = repo.for_user(user_id); raced && raced->provider == gateway_.name()) {
        account = raced;  // a parallel request recorded it first (same key, same account)
        return;
      }
      repo.remove(user_id);
      repo.insert(record);
      account = record;
    });
  }
  // A fresh link per request (links are single-use), so the key names the
  // request: the account and the moment it was asked for.
  auto url = gateway_.account_link(
      account->account_id, settings_.app_url + "/dashboard?payouts=done",
      settings_.app_url + "/dashboard?payouts=retry",
      "confer-link-" + account->account_id + "-" + std::to_string(clock_.now_ms()));
  return {*account, url};
}

std::optional<PayoutAccountRecord> Payouts::account(const std::string& user_id) {
  std::optional<PayoutAccountRecord> account;
  work_.read([&](ports::Transaction& tx) { account = tx.payout_accounts().for_user(user_id); });
  if (account && account->provider != gateway_.name()) return std::nullopt;
  return account;
}

void Payouts::sandbox_complete_onboarding(const std::string& account_id) {
  if (gateway_.name() != "sandbox" || !account_id.starts_with("acct_sandbox_"))
    throw Error::not_found("The test account");
  PaymentEvent event;
  event.id = "evt_sandbox_" + security::hex_encode(security::random_bytes(12));
  event.type = PaymentEventType::account_updated;
  event.created_s = clock_.now_seconds();
  event.account = {account_id, true, true, true};
  const auto body = gateway_.event_body(event);
  if (webhooks_.handle(body, security::stripe_signature_header(settings_.webhook_secret, body,
                                                               clock_.now_seconds())) ==
      WebhookOutcome::ignored)
    throw Error::not_found("The test account");
}

}  // namespace confer::app
