-- The marketplace's "free on this date" index: for each listed specialist
-- and each local day of their booking horizon, when that day's free slots
-- start (of any published service, by the slot engine, before notice and
-- horizon) and the span of "now" in which one of them can be booked:
-- bookable_from <= now <= bookable_until. A day without a row has no free
-- slot. recheck_at: an unpaid hold counted as busy lapses then (or 0: the
-- rules cut the day so finely that only the slot engine can tell); from then
-- on the row is not trusted.
CREATE TABLE free_days (
  specialist_id   TEXT NOT NULL,
  day             TEXT NOT NULL,  -- YYYY-MM-DD in the specialist's zone
  first_start     BIGINT,
  last_start      BIGINT,
  bookable_from   BIGINT,
  bookable_until  BIGINT,
  recheck_at      BIGINT,
  PRIMARY KEY (specialist_id, day)
);
CREATE INDEX free_days_day_idx ON free_days (day, bookable_until, bookable_from, specialist_id);
CREATE INDEX free_days_recheck_idx ON free_days (day, recheck_at) WHERE recheck_at IS NOT NULL;

-- Until when the horizon a specialist's rows cover is enough, their minimum
-- notice, and the start of their next bookable slot (null: none in their
-- horizon), good until next_valid_until (null: until stale_at): the
-- marketplace's "next available", and its order. `generation` moves with
-- each refresh, so that of two refreshes racing only the first writes.
CREATE TABLE free_day_state (
  specialist_id     TEXT PRIMARY KEY,
  stale_at          BIGINT NOT NULL,
  notice_ms         BIGINT NOT NULL,
  next_at           BIGINT,
  next_valid_until  BIGINT,
  generation        BIGINT NOT NULL
);
CREATE INDEX free_day_state_stale_idx ON free_day_state (stale_at);
CREATE INDEX free_day_state_next_valid_idx ON free_day_state (next_valid_until);
