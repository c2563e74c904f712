-- A row per change that can move a specialist's free slots, written by
-- triggers in the change's own transaction: a booking made, moved or ended,
-- their schedule version moving (rules, services, blocks, time zone), their
-- listing. Rows are only added by writers (no row is shared, so concurrent
-- bookings never wait on each other here) and removed by the refresh that
-- computed the specialist's days after seeing them.
CREATE TABLE free_day_marks (
  id             BIGSERIAL PRIMARY KEY,
  specialist_id  TEXT NOT NULL
);
CREATE INDEX free_day_marks_specialist_idx ON free_day_marks (specialist_id, id);
CREATE FUNCTION mark_free_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO free_day_marks (specialist_id) VALUES (OLD.specialist_id);
    RETURN OLD;
  END IF;
  INSERT INTO free_day_marks (specialist_id) VALUES (NEW.specialist_id);
  RETURN NEW;
END $$;
CREATE TRIGGER bookings_free_days
  AFTER INSERT OR DELETE
     OR UPDATE OF status, active, start_at, end_at, guard_start_at, guard_end_at, hold_expires_at
  ON bookings FOR EACH ROW EXECUTE FUNCTION mark_free_days();
CREATE TRIGGER schedule_versions_free_days AFTER INSERT OR UPDATE ON schedule_versions
  FOR EACH ROW EXECUTE FUNCTION mark_free_days();
CREATE TRIGGER directory_entries_free_days AFTER INSERT ON directory_entries
  FOR EACH ROW EXECUTE FUNCTION mark_free_days();
INSERT INTO free_day_marks (specialist_id) SELECT specialist_id FROM directory_entries;
