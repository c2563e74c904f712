-- Durable jobs (DESIGN.md invariant 4): written in the same transaction as the
-- change that needs them, claimed by workers with a lease so that a process
-- killed mid-job loses nothing (the lease runs out and another worker takes
-- the job again), retried with backoff, and parked as 'dead' after
-- max_attempts. Delivery is at least once; handlers are idempotent.
CREATE TABLE jobs (
  id            TEXT PRIMARY KEY,
  kind          TEXT NOT NULL,
  payload       TEXT NOT NULL DEFAULT '{}',
  booking_id    TEXT,
  run_at        BIGINT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'done', 'dead', 'cancelled')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  max_attempts  INTEGER NOT NULL DEFAULT 8,
  locked_by     TEXT,
  locked_until  BIGINT,
  last_error    TEXT,
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL
);
CREATE INDEX jobs_due_idx ON jobs (status, run_at);
CREATE INDEX jobs_lease_idx ON jobs (status, locked_until);
CREATE INDEX jobs_booking_idx ON jobs (booking_id, status);

-- Calendar invites are updated, not duplicated: the same UID with a higher
-- SEQUENCE after each reschedule (RFC 5545).
ALTER TABLE bookings ADD COLUMN ics_sequence INTEGER NOT NULL DEFAULT 0;
