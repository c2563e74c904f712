-- Meetings made through a provider's API (Zoom) for a booking, and the
-- recording the provider reports afterwards. Jitsi links need no row: the
-- booking's meeting_url holds them.
CREATE TABLE booking_meetings (
  booking_id                  TEXT PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
  provider                    TEXT NOT NULL,
  meeting_id                  TEXT NOT NULL,
  join_url                    TEXT NOT NULL,
  host_url                    TEXT,
  recording_id                TEXT,
  recording_url               TEXT,
  recording_duration_minutes  INTEGER,
  recording_expires_at        BIGINT,
  recording_is_public         INTEGER NOT NULL DEFAULT 0,
  created_at                  BIGINT NOT NULL,
  updated_at                  BIGINT NOT NULL
);
CREATE UNIQUE INDEX booking_meetings_meeting_key ON booking_meetings (provider, meeting_id);
