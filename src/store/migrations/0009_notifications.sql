-- In-app notifications, the private calendar feed, and SMS consent.
CREATE TABLE notifications (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL DEFAULT '',
  booking_id  TEXT,
  created_at  BIGINT NOT NULL,
  read_at     BIGINT
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at);

-- One subscription URL per user; only the token's SHA-256 is kept, so the
-- URL is shown once and revoking it (or making a new one) ends the old.
CREATE TABLE calendar_feeds (
  user_id     TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX calendar_feeds_token_key ON calendar_feeds (token_hash);

-- SMS reminders go only to users who gave a number (E.164) and opted in.
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE users ADD COLUMN sms_opt_in INTEGER NOT NULL DEFAULT 0;
