-- Accounts: users, specialist profiles, refresh tokens, password resets,
-- failed logins and the audit log. Conventions every later table follows:
--   ids are UUID text; instants are BIGINT Unix milliseconds in UTC (columns
--   named *_at); flags are INTEGER 0/1; money is BIGINT minor units + a
--   currency TEXT; JSON-shaped lists are TEXT holding JSON.

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  email         TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('customer', 'specialist', 'admin')),
  timezone      TEXT NOT NULL DEFAULT 'UTC',
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_role_idx ON users (role, created_at);

CREATE TABLE specialist_profiles (
  user_id     TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  headline    TEXT NOT NULL DEFAULT '',
  bio         TEXT NOT NULL DEFAULT '',
  specialties TEXT NOT NULL DEFAULT '[]',
  languages   TEXT NOT NULL DEFAULT '[]',
  photo_url   TEXT,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);

-- Opaque refresh tokens, stored as SHA-256 hashes. A family is one login's
-- chain of rotations: presenting a used token revokes the whole family.
CREATE TABLE refresh_tokens (
  id          TEXT PRIMARY KEY,
  token_hash  TEXT NOT NULL,
  family_id   TEXT NOT NULL,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  used_at     BIGINT,
  revoked_at  BIGINT
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE password_resets (
  id          TEXT PRIMARY KEY,
  token_hash  TEXT NOT NULL,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  used_at     BIGINT
);
CREATE UNIQUE INDEX password_resets_hash_key ON password_resets (token_hash);

-- One row per failed login, so that every server process on the database
-- counts the same failures (limits per account and per client address).
CREATE TABLE login_failures (
  id         TEXT PRIMARY KEY,
  email      TEXT NOT NULL,
  ip         TEXT NOT NULL,
  failed_at  BIGINT NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, failed_at);

CREATE TABLE audit_log (
  id           TEXT PRIMARY KEY,
  actor_id     TEXT,
  action       TEXT NOT NULL,
  entity_type  TEXT NOT NULL,
  entity_id    TEXT,
  from_state   TEXT,
  to_state     TEXT,
  detail       TEXT,
  ip           TEXT,
  created_at   BIGINT NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, created_at);
