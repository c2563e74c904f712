-- PostgreSQL only, after 0004_bookings.sql: invariant 2 enforced by the
-- database. No two active bookings of one specialist overlap (their guard
-- ranges include half the buffer on each side), nor two of one customer.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE bookings ADD CONSTRAINT bookings_no_specialist_overlap
  EXCLUDE USING gist (specialist_id WITH =, int8range(guard_start_at, guard_end_at) WITH &&)
  WHERE (active = 1);
ALTER TABLE bookings ADD CONSTRAINT bookings_no_customer_overlap
  EXCLUDE USING gist (customer_id WITH =, int8range(start_at, end_at) WITH &&)
  WHERE (active = 1);
