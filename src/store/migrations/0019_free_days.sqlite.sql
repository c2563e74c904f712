-- A row per change that can move a specialist's free slots, written by
-- triggers in the change's own transaction: a booking made, moved or ended,
-- their schedule version moving (rules, services, blocks, time zone), their
-- listing. Rows are only added by writers (no row is shared, so concurrent
-- bookings never wait on each other here) and removed by the refresh that
-- computed the specialist's days after seeing them.
CREATE TABLE free_day_marks (
  id             INTEGER PRIMARY KEY,
  specialist_id  TEXT NOT NULL
);
CREATE INDEX free_day_marks_specialist_idx ON free_day_marks (specialist_id, id);
CREATE TRIGGER bookings_free_days_insert AFTER INSERT ON bookings BEGIN
  INSERT INTO free_day_marks (specialist_id) VALUES (NEW.specialist_id);
END;
CREATE TRIGGER bookings_free_days_update
  AFTER UPDATE OF status, active, start_at, end_at, guard_start_at, guard_end_at, hold_expires_at
  ON bookings BEGIN
  INSERT INTO free_day_marks (specialist_id) VALUES (NEW.specialist_id);
END;
CREATE TRIGGER bookings_free_days_delete AFTER DELETE ON bookings BEGIN
  INSERT INTO free_day_marks (specialist_id) VALUES (OLD.specialist_id);
END;
CREATE TRIGGER schedule_versions_free_days_insert AFTER INSERT ON schedule_versions BEGIN
  INSERT INTO free_day_marks (specialist_id) VALUES (NEW.specialist_id);
END;
CREATE TRIGGER schedule_versions_free_days_update AFTER UPDATE ON schedule_versions BEGIN
  INSERT INTO free_day_marks (specialist_id) VALUES (NEW.specialist_id);
END;
CREATE TRIGGER directory_entries_free_days AFTER INSERT ON directory_entries BEGIN
  INSERT INTO free_day_marks (specialist_id) VALUES (NEW.specialist_id);
END;
INSERT INTO free_day_marks (specialist_id) SELECT specialist_id FROM directory_entries;
