-- What a booking gains after it is made: the video link (on confirmation), a
-- customer's refund request, and the session's notes. And the idempotency
-- keys that let a client retry a POST safely (24 hours, per user).
ALTER TABLE bookings ADD COLUMN meeting_provider TEXT;
ALTER TABLE bookings ADD COLUMN meeting_url TEXT;
ALTER TABLE bookings ADD COLUMN refund_requested_at BIGINT;
ALTER TABLE bookings ADD COLUMN refund_request_reason TEXT;
ALTER TABLE bookings ADD COLUMN confirmed_at BIGINT;

CREATE TABLE idempotency_keys (
  user_id          TEXT NOT NULL,
  idem_key         TEXT NOT NULL,
  request_hash     TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('in-flight', 'done')),
  response_status  INTEGER,
  response_body    TEXT,
  created_at       BIGINT NOT NULL,
  expires_at       BIGINT NOT NULL,
  PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);
