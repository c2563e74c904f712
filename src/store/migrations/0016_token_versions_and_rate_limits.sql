-- Access tokens carry their user's token_version (claim "ver"); bumping it
-- (log-out, password reset, a replayed refresh token) revokes every access
-- token issued before, without waiting for them to expire.
ALTER TABLE users ADD COLUMN token_version BIGINT NOT NULL DEFAULT 0;

-- Requests counted against hourly limits: sign-ups per client address
-- (kind 'signup'), password-reset requests per email address asked for
-- (kind 'password_reset'). One row each, so that every server process on the
-- database counts the same; rows older than the window are deleted as new
-- ones come.
CREATE TABLE rate_limit_events (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,
  subject      TEXT NOT NULL,
  occurred_at  BIGINT NOT NULL
);
CREATE INDEX rate_limit_events_subject_idx ON rate_limit_events (kind, subject, occurred_at);
CREATE INDEX rate_limit_events_occurred_idx ON rate_limit_events (occurred_at);

-- A password reset marks every other link of the account used.
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
