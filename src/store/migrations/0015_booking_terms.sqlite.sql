-- A completed or no-show booking now keeps its time (a session ended early
-- no longer frees its slot). Those still running into the future hold their
-- time again, unless someone booked it meanwhile: the later booking stands.
UPDATE bookings SET active = 1
WHERE status IN ('completed', 'no-show') AND active = 0 AND end_at > CAST(strftime('%s', 'now') AS BIGINT) * 1000
  AND NOT EXISTS (
    SELECT 1 FROM bookings o
    WHERE o.id <> bookings.id
      AND (o.active = 1 OR (o.status IN ('completed', 'no-show') AND o.end_at > CAST(strftime('%s', 'now') AS BIGINT) * 1000))
      AND ((o.specialist_id = bookings.specialist_id
            AND o.guard_start_at < bookings.guard_end_at
            AND o.guard_end_at > bookings.guard_start_at)
        OR (o.customer_id = bookings.customer_id
            AND o.start_at < bookings.end_at AND o.end_at > bookings.start_at)));
