import { updatableFields } from "../../shared/schemas/entities";
import { arrivalStamp } from "../../shared/sync/hlc";
import type { ValidMutation } from "../../shared/sync/push";
import type { Db } from "./db";
import { writeRecordStatement } from "./sync-state";

/** Moves the global version counter by `n` at the start of a batch of n changes. */
export const bumpCounter = (db: Db, n: number) =>
  db.prepare("UPDATE sync_counter SET version = version + ? WHERE id = 1").bind(n);

/** Points the user's profile cache key at the profile's current version. */
export const syncProfileVersion = (db: Db, userId: string) =>
  db
    .prepare(
      `UPDATE users SET profile_version = coalesce(
         (SELECT version FROM records WHERE user_id = ? AND entity = 'profile' AND id = 'self'), 0)
       WHERE id = ?`,
    )
    .bind(userId, userId);

/**
 * Statements that overwrite whole records for `userId` in ONE batch, every field stamped at arrival
 * (a server-side overwrite): the counter bump, then record i at index 1 + i, then the profile
 * pointer when a profile changed. Syncing clients go through `applyPush` (sync-push.ts), which
 * merges by stamp.
 */
export function writeStatements(
  db: Db,
  userId: string,
  mutations: readonly ValidMutation[],
): { statements: D1PreparedStatement[] } {
  const stamp = arrivalStamp(Date.now());
  const statements = [bumpCounter(db, mutations.length)];
  mutations.forEach((m, i) => {
    if (m.op === "patch")
      throw new Error("writeStatements overwrites whole records; merge edits with applyPush.");
    const offset = mutations.length - 1 - i;
    const state =
      m.op === "put"
        ? { value: m.record, stamps: Object.fromEntries(updatableFields(m.entity).map((f) => [f, stamp])) }
        : { value: null, stamps: {}, deleted: stamp };
    statements.push(writeRecordStatement(db, userId, m.entity, m.key, state, offset));
  });
  if (mutations.some((m) => m.entity === "profile")) statements.push(syncProfileVersion(db, userId));
  return { statements };
}

export interface ChangeRow {
  entity: string;
  id: string;
  value: string | null;
  /** JSON object of the fields' stamps (null for tombstones and rows from before stamps). */
  stamps: string | null;
  version: number;
}

/** A user's changes after `afterVersion`, in server order (one more than `limit`, to know if more remain). */
export const changesSince = (db: Db, userId: string, afterVersion: number, limit: number) =>
  db
    .prepare(
      "SELECT entity, id, value, stamps, version FROM records WHERE user_id = ? AND version > ? ORDER BY version LIMIT ?",
    )
    .bind(userId, afterVersion, limit + 1);
