-- Indexes that answer lists and sums from themselves.
--
-- A party's bookings list, newest or soonest first, paged by offset or by
-- keyset on (start_at, id): the index gives the order, and its status and
-- end_at answer the list's filters and its count without reading rows.
CREATE INDEX bookings_specialist_list_idx ON bookings (specialist_id, start_at, id, status, end_at);
CREATE INDEX bookings_customer_list_idx ON bookings (customer_id, start_at, id, status, end_at);

-- A specialist's earnings, summed from this index alone: their payments lie
-- together in it instead of scattered over the table.
CREATE INDEX payments_specialist_earnings_idx ON payments
  (specialist_id, status, currency, succeeded_at, created_at, amount, refunded_amount, platform_fee);
