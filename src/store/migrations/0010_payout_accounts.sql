-- A specialist's account with the payment provider (Stripe Connect Express,
-- or the sandbox's stand-in), where their share of each payment goes. Its
-- flags follow the provider's account.updated events.
CREATE TABLE payout_accounts (
  user_id            TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  provider           TEXT NOT NULL,
  account_id         TEXT NOT NULL,
  charges_enabled    INTEGER NOT NULL DEFAULT 0,
  payouts_enabled    INTEGER NOT NULL DEFAULT 0,
  details_submitted  INTEGER NOT NULL DEFAULT 0,
  created_at         BIGINT NOT NULL,
  updated_at         BIGINT NOT NULL
);
CREATE UNIQUE INDEX payout_accounts_account_key ON payout_accounts (provider, account_id);
