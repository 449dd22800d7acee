-- Alerts raised by the scheduled rule check (edge/observability): one row per firing episode.
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule TEXT NOT NULL,
  value REAL,
  peak_value REAL,
  threshold REAL NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('firing', 'resolved')),
  started_at TEXT NOT NULL,
  ended_at TEXT
) STRICT;

-- At most one firing alert per rule; the check resolves it before a new episode can start.
CREATE UNIQUE INDEX IF NOT EXISTS alerts_one_firing_per_rule ON alerts (rule) WHERE state = 'firing';
CREATE INDEX IF NOT EXISTS alerts_by_start ON alerts (started_at DESC);
