-- Accounts (passkeys, recovery code, sessions) and the generic synced-record store.

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  -- SHA-256 (hex) of the one-time recovery code; NULL once used and not yet replaced.
  recovery_hash TEXT,
  -- Server version of the profile record: part of the profile's KV cache key.
  profile_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE credentials (
  -- base64url credential id from the authenticator
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  public_key BLOB NOT NULL,
  counter INTEGER NOT NULL,
  -- JSON array of transports, or NULL
  transports TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX credentials_by_user ON credentials(user_id);

-- A session is a signed-in device. `id` is public (device list); the token is only stored hashed.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions(user_id, last_seen_at);

-- The last mutation id applied per (user, client): replayed pushes are skipped against it.
CREATE TABLE sync_clients (
  user_id TEXT NOT NULL,
  id TEXT NOT NULL,
  last_mutation_id INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, id)
) STRICT, WITHOUT ROWID;

-- One global, monotonically increasing server version; every change takes the next value.
CREATE TABLE sync_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO sync_counter (id, version) VALUES (1, 0);

-- Every synced record of every kind. `value` is the record's JSON, NULL for a tombstone.
-- `sort_at` (the record's own date) and `parent_id` (a set's workout) are derived for indexed reads.
CREATE TABLE records (
  user_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  id TEXT NOT NULL,
  value TEXT,
  version INTEGER NOT NULL,
  sort_at INTEGER GENERATED ALWAYS AS (
    coalesce(json_extract(value, '$.startedAt'), json_extract(value, '$.measuredAt'), json_extract(value, '$.performedAt'))
  ) VIRTUAL,
  parent_id TEXT GENERATED ALWAYS AS (json_extract(value, '$.workoutId')) VIRTUAL,
  PRIMARY KEY (user_id, entity, id)
) STRICT;
-- Pull: a user's changes in server order.
CREATE INDEX records_by_user_version ON records(user_id, version);
-- Workouts and measurements by date.
CREATE INDEX records_by_user_date ON records(user_id, entity, sort_at, id);
-- A workout's sets.
CREATE INDEX records_by_parent ON records(user_id, entity, parent_id);
-- Ownership check: does another user already hold this client-chosen id?
CREATE INDEX records_by_id ON records(entity, id);
