-- Payments (the brief's Payment model) and the webhook events already
-- handled. An event id is recorded in the same transaction as the change it
-- makes, so a repeated event changes nothing.
CREATE TABLE payments (
  id                   TEXT PRIMARY KEY,
  booking_id           TEXT NOT NULL REFERENCES bookings (id),
  specialist_id        TEXT NOT NULL REFERENCES users (id),
  customer_id          TEXT NOT NULL REFERENCES users (id),
  amount               BIGINT NOT NULL CHECK (amount > 0),
  currency             TEXT NOT NULL,
  platform_fee         BIGINT NOT NULL,
  specialist_payout    BIGINT NOT NULL,
  provider             TEXT NOT NULL,
  provider_payment_id  TEXT NOT NULL,
  client_secret        TEXT NOT NULL,
  status               TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed',
                                                       'refunded', 'partially-refunded')),
  failure_reason       TEXT,
  refunded_amount      BIGINT NOT NULL DEFAULT 0,
  metadata             TEXT NOT NULL DEFAULT '{}',
  created_at           BIGINT NOT NULL,
  attempted_at         BIGINT,
  succeeded_at         BIGINT,
  updated_at           BIGINT NOT NULL,
  CHECK (platform_fee + specialist_payout = amount)
);
CREATE UNIQUE INDEX payments_provider_id_key ON payments (provider, provider_payment_id);
CREATE INDEX payments_booking_idx ON payments (booking_id);
CREATE INDEX payments_customer_idx ON payments (customer_id, created_at);
CREATE INDEX payments_specialist_idx ON payments (specialist_id, created_at);

CREATE TABLE webhook_events (
  provider     TEXT NOT NULL,
  event_id     TEXT NOT NULL,
  type         TEXT NOT NULL,
  received_at  BIGINT NOT NULL,
  PRIMARY KEY (provider, event_id)
);
