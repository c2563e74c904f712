-- A specialist's availability rules (the brief's availability object, with
-- date overrides and recurring rules), stored as the validated JSON the API
-- echoes. Slots are computed from these rules on every request, so a change
-- shows at once; only blocks of single slots are stored as rows.
CREATE TABLE availability (
  id             TEXT PRIMARY KEY,
  specialist_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  timezone       TEXT NOT NULL,
  rules          TEXT NOT NULL,
  created_at     BIGINT NOT NULL,
  updated_at     BIGINT NOT NULL
);
CREATE UNIQUE INDEX availability_specialist_key ON availability (specialist_id);

CREATE TABLE blocked_slots (
  id             TEXT PRIMARY KEY,
  specialist_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  start_at       BIGINT NOT NULL,
  end_at         BIGINT NOT NULL,
  reason         TEXT NOT NULL DEFAULT '',
  created_at     BIGINT NOT NULL,
  CHECK (end_at > start_at)
);
CREATE UNIQUE INDEX blocked_slots_key ON blocked_slots (specialist_id, start_at, end_at);
CREATE INDEX blocked_slots_range_idx ON blocked_slots (specialist_id, end_at);
