-- Business hours: one row per site once an admin saves them (no row: off, always open). `week` is JSON (per weekday,
-- the open intervals as wall-clock times in `time_zone`); `holidays` a JSON array of YYYY-MM-DD dates closed all day.
CREATE TABLE business_hours (
  site_id TEXT PRIMARY KEY REFERENCES sites(id),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  time_zone TEXT NOT NULL,
  week TEXT NOT NULL,
  holidays TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
