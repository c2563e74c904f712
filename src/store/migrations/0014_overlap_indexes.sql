-- The overlap checks find the one active booking that starts last before a
-- new booking's end (active bookings of one person never overlap each other,
-- so if that one does not reach the new start, none does): a short backward
-- walk of these indexes, read from the index alone. The old indexes made
-- them look up every booking of the day in the table.
-- Ordered by start first, so a person's booking list (by start) reads them
-- in order too.
DROP INDEX bookings_specialist_time_idx;
CREATE INDEX bookings_specialist_time_idx
  ON bookings (specialist_id, guard_start_at, active, guard_end_at);
DROP INDEX bookings_customer_time_idx;
CREATE INDEX bookings_customer_time_idx ON bookings (customer_id, start_at, active, end_at);
