-- A specialist's own Zoom account, connected through Zoom's OAuth
-- authorization-code flow. Both tokens are stored sealed (libsodium
-- secretbox under CONFER_ENCRYPTION_KEY), never in clear.
CREATE TABLE zoom_accounts (
  user_id            TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  access_token_enc   TEXT NOT NULL,
  refresh_token_enc  TEXT NOT NULL,
  expires_at         BIGINT NOT NULL,
  created_at         BIGINT NOT NULL,
  updated_at         BIGINT NOT NULL
);
