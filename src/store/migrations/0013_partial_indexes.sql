-- Indexes that only ever serve one status hold only rows in that status, so
-- inserting a row in any other status (every new job is queued, every free
-- booking confirmed) skips them: fewer index pages written per booking.
-- The queries that use them name the status literally, as the planners
-- of both engines require for a partial index.
DROP INDEX jobs_lease_idx;
CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE status = 'running';
DROP INDEX bookings_hold_idx;
CREATE INDEX bookings_hold_idx ON bookings (hold_expires_at) WHERE status = 'pending';
