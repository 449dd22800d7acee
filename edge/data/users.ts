import type { Db } from "./db";

export interface UserRow {
  id: string;
  username: string;
  created_at: number;
  recovery_hash: string | null;
}

export interface CredentialRow {
  id: string;
  user_id: string;
  public_key: number[] | ArrayBuffer;
  counter: number;
  transports: string | null;
  username: string;
  created_at: number;
}

/** Statements here are returned unrun, so callers pick `.first()`/`.all()` and tests can EXPLAIN them. */
export const findUserByName = (db: Db, username: string) =>
  db.prepare("SELECT id, username, created_at, recovery_hash FROM users WHERE username = ?").bind(username);

export const findCredential = (db: Db, credentialId: string) =>
  db
    .prepare(
      `SELECT c.id, c.user_id, c.public_key, c.counter, c.transports, u.username, u.created_at
       FROM credentials c JOIN users u ON u.id = c.user_id WHERE c.id = ?`,
    )
    .bind(credentialId);

export const credentialsOfUser = (db: Db, username: string) =>
  db
    .prepare(
      `SELECT c.id, c.transports FROM credentials c JOIN users u ON u.id = c.user_id WHERE u.username = ?`,
    )
    .bind(username);

/** Transports as stored (a JSON array of strings), tolerating NULL or anything malformed. */
export function parseTransports(text: string | null): string[] {
  if (text === null) return [];
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
}

export interface DeviceRow {
  id: string;
  name: string;
  created_at: number;
  last_seen_at: number;
}

export const devicesOfUser = (db: Db, userId: string) =>
  db
    .prepare(
      "SELECT id, name, created_at, last_seen_at FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC LIMIT 100",
    )
    .bind(userId);
