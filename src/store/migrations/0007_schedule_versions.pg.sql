CREATE FUNCTION bump_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner TEXT;
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    owner := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    owner := OLD.specialist_id;
  ELSE
    owner := NEW.specialist_id;
  END IF;
  INSERT INTO schedule_versions (specialist_id, version) VALUES (owner, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = schedule_versions.version + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER availability_bump AFTER INSERT OR UPDATE OR DELETE ON availability
  FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER services_bump AFTER INSERT OR UPDATE OR DELETE ON services
  FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER blocked_slots_bump AFTER INSERT OR UPDATE OR DELETE ON blocked_slots
  FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER users_bump AFTER UPDATE OF timezone, role ON users
  FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
