import type { Db } from "./db";

/**
 * Revoking a device, in one batch: the passkey it signed in with, then the device and every other
 * session that passkey opened, except the one asking (its owner is present; a later sign-in on it
 * needs another passkey or the recovery code). The second statement returns the ended session ids.
 */
export function revokeDevice(
  db: Db,
  userId: string,
  deviceId: string,
  askingDeviceId: string,
): D1PreparedStatement[] {
  const credentialOf = "SELECT credential_id FROM sessions WHERE id = ? AND user_id = ?";
  return [
    db
      .prepare(`DELETE FROM credentials WHERE user_id = ? AND id IN (${credentialOf})`)
      .bind(userId, deviceId, userId),
    db
      .prepare(
        `DELETE FROM sessions WHERE user_id = ?
           AND (id = ? OR (id <> ? AND credential_id IN (${credentialOf}))) RETURNING id`,
      )
      .bind(userId, deviceId, askingDeviceId, deviceId, userId),
  ];
}

/** Removing a passkey and every session it opened; the first statement returns the removed passkey. */
export function removePasskey(db: Db, userId: string, credentialId: string): D1PreparedStatement[] {
  return [
    db
      .prepare("DELETE FROM credentials WHERE id = ? AND user_id = ? RETURNING id")
      .bind(credentialId, userId),
    db
      .prepare("DELETE FROM sessions WHERE user_id = ? AND credential_id = ? RETURNING id")
      .bind(userId, credentialId),
  ];
}

export interface PasskeyRow {
  id: string;
  created_at: number;
  signed_in_devices: number;
}

/** The user's passkeys with how many live sessions each opened. */
export const passkeysOfUser = (db: Db, userId: string, nowMs: number) =>
  db
    .prepare(
      `SELECT c.id, c.created_at,
         (SELECT count(*) FROM sessions s WHERE s.credential_id = c.id AND s.expires_at > ?) AS signed_in_devices
       FROM credentials c WHERE c.user_id = ? ORDER BY c.created_at LIMIT 100`,
    )
    .bind(nowMs, userId);

/** Ends every session of the user but `keepDeviceId`, returning the ended session ids. */
export const signOutOthers = (db: Db, userId: string, keepDeviceId: string) =>
  db.prepare("DELETE FROM sessions WHERE user_id = ? AND id <> ? RETURNING id").bind(userId, keepDeviceId);

/** Replaces the recovery code's hash (the old code stops working at once). */
export const replaceRecoveryHash = (db: Db, userId: string, hash: string) =>
  db.prepare("UPDATE users SET recovery_hash = ? WHERE id = ?").bind(hash, userId);
