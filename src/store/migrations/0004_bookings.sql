-- Bookings. An active booking (pending payment, confirmed, in progress)
-- reserves [guard_start_at, guard_end_at): its time widened by half the
-- specialist's buffer on each side, so two guards that do not overlap are at
-- least one buffer apart. SQLite serializes writers (BEGIN IMMEDIATE) and the
-- use case checks overlap inside that transaction; PostgreSQL enforces it with
-- exclusion constraints (added by 0004_bookings.pg.sql).
CREATE TABLE bookings (
  id                   TEXT PRIMARY KEY,
  specialist_id        TEXT NOT NULL REFERENCES users (id),
  customer_id          TEXT NOT NULL REFERENCES users (id),
  service_id           TEXT NOT NULL REFERENCES services (id),
  slot_id              TEXT NOT NULL,
  start_at             BIGINT NOT NULL,
  end_at               BIGINT NOT NULL,
  guard_start_at       BIGINT NOT NULL,
  guard_end_at         BIGINT NOT NULL,
  status               TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'in-progress',
                                                       'completed', 'cancelled', 'no-show')),
  active               INTEGER NOT NULL DEFAULT 1,
  hold_expires_at      BIGINT,
  customer_notes       TEXT NOT NULL DEFAULT '',
  specialist_notes     TEXT NOT NULL DEFAULT '',
  shared_notes         TEXT NOT NULL DEFAULT '',
  cancellation_type    TEXT CHECK (cancellation_type IN ('customer', 'specialist', 'system')),
  cancellation_reason  TEXT,
  cancelled_at         BIGINT,
  payment_amount       BIGINT NOT NULL,
  payment_currency     TEXT NOT NULL,
  payment_status       TEXT NOT NULL DEFAULT 'pending',
  refund_amount        BIGINT NOT NULL DEFAULT 0,
  session_started_at   BIGINT,
  session_ended_at     BIGINT,
  rescheduled_from     TEXT,
  created_at           BIGINT NOT NULL,
  updated_at           BIGINT NOT NULL,
  CHECK (end_at > start_at),
  CHECK (guard_start_at <= start_at AND guard_end_at >= end_at)
);
CREATE INDEX bookings_specialist_time_idx ON bookings (specialist_id, active, guard_end_at);
CREATE INDEX bookings_customer_time_idx ON bookings (customer_id, start_at);
CREATE INDEX bookings_hold_idx ON bookings (status, hold_expires_at);
