-- One-time WebAuthn challenges, consumed by a single DELETE … RETURNING (edge/auth/challenges.ts),
-- so two parallel verifications cannot both use one. Expired rows are purged by the cron.
CREATE TABLE challenges (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('register', 'login')),
  -- JSON of the pending challenge (the challenge, and for sign-up the username and user id)
  payload TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX challenges_by_expiry ON challenges(expires_at);

-- The passkey a session signed in with (NULL for a recovery-code sign-in): revoking the device
-- removes that credential too, so it cannot sign straight back in.
ALTER TABLE sessions ADD COLUMN credential_id TEXT;
CREATE INDEX sessions_by_credential ON sessions(credential_id);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
