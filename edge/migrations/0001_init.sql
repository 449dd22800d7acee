-- Spotter's first migration: a key/value table for server-side facts (schema version, seeds).
CREATE TABLE IF NOT EXISTS app_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT OR IGNORE INTO app_meta (key, value) VALUES ('schema_version', '1');
