CREATE TRIGGER availability_bump_insert AFTER INSERT ON availability BEGIN
  INSERT INTO schedule_versions (specialist_id, version) VALUES (NEW.specialist_id, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER availability_bump_update AFTER UPDATE ON availability BEGIN
  INSERT INTO schedule_versions (specialist_id, version) VALUES (NEW.specialist_id, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER availability_bump_delete AFTER DELETE ON availability BEGIN
  INSERT INTO schedule_versions (specialist_id, version) VALUES (OLD.specialist_id, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER services_bump_insert AFTER INSERT ON services BEGIN
  INSERT INTO schedule_versions (specialist_id, version) VALUES (NEW.specialist_id, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER services_bump_update AFTER UPDATE ON services BEGIN
  INSERT INTO schedule_versions (specialist_id, version) VALUES (NEW.specialist_id, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER services_bump_delete AFTER DELETE ON services BEGIN
  INSERT INTO schedule_versions (specialist_id, version) VALUES (OLD.specialist_id, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER blocked_slots_bump_insert AFTER INSERT ON blocked_slots BEGIN
  INSERT INTO schedule_versions (specialist_id, version) VALUES (NEW.specialist_id, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER blocked_slots_bump_update AFTER UPDATE ON blocked_slots BEGIN
  INSERT INTO schedule_versions (specialist_id, version) VALUES (NEW.specialist_id, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER blocked_slots_bump_delete AFTER DELETE ON blocked_slots BEGIN
  INSERT INTO schedule_versions (specialist_id, version) VALUES (OLD.specialist_id, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER users_bump_update AFTER UPDATE OF timezone, role ON users BEGIN
  INSERT INTO schedule_versions (specialist_id, version) VALUES (NEW.id, 1)
    ON CONFLICT (specialist_id) DO UPDATE SET version = version + 1;
END;
