import { refuseEndedSession, sessionAlive } from "../auth/session-alive";
import type { Db, SessionInfo } from "./db";

export interface ExportRows {
  user: { username: string; created_at: number } | undefined;
  devices: { name: string; created_at: number; last_seen_at: number }[];
  passkeys: { created_at: number }[];
  records: { entity: string; id: string; value: string }[];
}

/**
 * Everything the server holds for the session's user, read in one batch (one consistent snapshot)
 * that first checks the session still exists: a device revoked in another isolate moments ago
 * gets a 401, not the whole account (edge/auth/session-alive.ts).
 */
export async function readAccountExport(db: Db, session: SessionInfo, nowMs: number): Promise<ExportRows> {
  const { userId } = session;
  const [, user, devices, passkeys, records] = await db
    .batch([
      sessionAlive(db, session, nowMs),
      db.prepare("SELECT username, created_at FROM users WHERE id = ?").bind(userId),
      db
        .prepare(
          "SELECT name, created_at, last_seen_at FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY created_at",
        )
        .bind(userId, nowMs),
      db.prepare("SELECT created_at FROM credentials WHERE user_id = ? ORDER BY created_at").bind(userId),
      db
        .prepare(
          "SELECT entity, id, value FROM records WHERE user_id = ? AND value IS NOT NULL ORDER BY entity, id",
        )
        .bind(userId),
    ])
    .catch(refuseEndedSession);
  return {
    user: user?.results[0] as ExportRows["user"],
    devices: (devices?.results ?? []) as ExportRows["devices"],
    passkeys: (passkeys?.results ?? []) as ExportRows["passkeys"],
    records: (records?.results ?? []) as ExportRows["records"],
  };
}

/**
 * Deletes every row of the user in one batch (all or nothing): records, sync marks, sessions,
 * passkeys, and the user last. Sign-in challenges hold no account data and expire in minutes.
 */
export function deleteAccountStatements(db: Db, userId: string): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM records WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM sync_clients WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM sessions WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM credentials WHERE user_id = ?").bind(userId),
    db.prepare("DELETE FROM users WHERE id = ?").bind(userId),
  ];
}
