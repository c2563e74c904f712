-- Consulting services a specialist offers. Prices are minor units; a price of
-- 0 is a free session (booked without payment). Deleting a service keeps the
-- row (deleted_at) so that past bookings still name what was booked.
CREATE TABLE services (
  id                          TEXT PRIMARY KEY,
  specialist_id               TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title                       TEXT NOT NULL,
  description                 TEXT NOT NULL DEFAULT '',
  duration_minutes            INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  price                       BIGINT NOT NULL CHECK (price >= 0),
  currency                    TEXT NOT NULL,
  tags                        TEXT NOT NULL DEFAULT '[]',
  cancellation_deadline_hours INTEGER NOT NULL DEFAULT 24,
  refund_policy               TEXT NOT NULL DEFAULT 'full'
                              CHECK (refund_policy IN ('full', 'percentage', 'none')),
  refund_percentage           INTEGER NOT NULL DEFAULT 100
                              CHECK (refund_percentage BETWEEN 0 AND 100),
  published                   INTEGER NOT NULL DEFAULT 0,
  created_at                  BIGINT NOT NULL,
  updated_at                  BIGINT NOT NULL,
  deleted_at                  BIGINT
);
CREATE INDEX services_specialist_idx ON services (specialist_id, published);
