-- What a booking was sold under stays with it: the service's cancellation
-- policy at the moment of booking (a later change to the service reaches
-- only bookings made after it; the price is already kept as payment_amount),
-- and the time zone the customer picked the slot in (NULL: the account's).
ALTER TABLE bookings ADD COLUMN policy_deadline_hours INTEGER NOT NULL DEFAULT 24;
ALTER TABLE bookings ADD COLUMN policy_refund TEXT NOT NULL DEFAULT 'full';
ALTER TABLE bookings ADD COLUMN policy_refund_percentage INTEGER NOT NULL DEFAULT 100;
ALTER TABLE bookings ADD COLUMN customer_timezone TEXT;
-- Bookings made before this migration take the policy their service has now:
-- the best record there is of what they were sold under.
UPDATE bookings SET
  policy_deadline_hours = (SELECT s.cancellation_deadline_hours FROM services s
                           WHERE s.id = bookings.service_id),
  policy_refund = (SELECT s.refund_policy FROM services s WHERE s.id = bookings.service_id),
  policy_refund_percentage = (SELECT s.refund_percentage FROM services s
                              WHERE s.id = bookings.service_id);
-- A customer's unpaid holds are counted at every paid booking (the hold
-- limits): only pending rows are in this index.
CREATE INDEX bookings_customer_holds_idx ON bookings (customer_id, hold_expires_at)
  WHERE status = 'pending';
