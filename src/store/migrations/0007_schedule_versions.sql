-- A version number per specialist that every change to what shapes their
-- slots bumps: the availability rules, the services, the blocked slots, the
-- specialist's time zone and role. Bookings are not counted here (they change
-- often and concurrently); a cached slot list is checked against the bookings
-- themselves. Triggers do the bumping, in the same transaction as the change,
-- so no code path can forget it and every process sees it.
CREATE TABLE schedule_versions (
  specialist_id TEXT PRIMARY KEY,
  version       BIGINT NOT NULL
);
