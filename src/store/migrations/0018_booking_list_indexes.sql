-- A party's bookings list, newest or soonest first, paged by offset or by
-- keyset on (start_at, id): the index gives the order, and its status and
-- end_at answer the list's filters and its count without reading rows.
CREATE INDEX bookings_specialist_list_idx ON bookings (specialist_id, start_at, id, status, end_at);
CREATE INDEX bookings_customer_list_idx ON bookings (customer_id, start_at, id, status, end_at);
