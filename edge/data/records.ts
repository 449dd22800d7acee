import { isSingletonEntity } from "../../shared/schemas/entities";
import { PARENT_OF } from "../../shared/sync/parents";
import type { ValidMutation } from "../../shared/sync/push";
import type { Db } from "./db";

/** The server version the i-th of n changes in one batch takes, after the counter moved by n. */
const VERSION_SQL = "(SELECT version FROM sync_counter WHERE id = 1) - ?";
const OWNED_ELSEWHERE_SQL = "NOT EXISTS (SELECT 1 FROM records WHERE entity = ? AND id = ? AND user_id <> ?)";

/** Only applies a client's mutation once: its id must be past the last one applied for that client. */
export interface ClientGuard {
  clientId: string;
  mutationId: number;
}

interface Condition {
  sql: string;
  params: unknown[];
}

function conditions(userId: string, m: ValidMutation, guard: ClientGuard | undefined): Condition[] {
  const list: Condition[] = [];
  if (guard) {
    list.push({
      sql: "? > coalesce((SELECT last_mutation_id FROM sync_clients WHERE user_id = ? AND id = ?), 0)",
      params: [guard.mutationId, userId, guard.clientId],
    });
  }
  // A client-chosen id someone else already holds is ignored, never overwritten or shadowed.
  if (m.op !== "patch" && !isSingletonEntity(m.entity)) {
    list.push({ sql: OWNED_ELSEWHERE_SQL, params: [m.entity, m.key, userId] });
  }
  list.push(...parentConditions(userId, m));
  return list;
}

/** The parent (keyed by `idSql`) is not a tombstone. */
const parentNotDeletedSql = (idSql: string) =>
  `NOT EXISTS (SELECT 1 FROM records p WHERE p.user_id = ? AND p.entity = ? AND p.id = ${idSql} AND p.value IS NULL)`;

/**
 * A child (a set) written under a deleted parent (its workout) is ignored: the delete took its
 * children with it, and a child must not outlive it hidden from the log but counted in records.
 */
function parentConditions(userId: string, m: ValidMutation): Condition[] {
  const link = PARENT_OF[m.entity];
  if (!link || m.op === "delete") return [];
  const written = m.op === "put" ? m.record[link.field] : m.patch.set[link.field];
  const list: Condition[] = [];
  if (typeof written === "string") {
    list.push({ sql: parentNotDeletedSql("?"), params: [userId, link.entity, written] });
  }
  if (m.op === "patch") {
    // The parent the stored record points to now (the row being updated).
    list.push({
      sql: parentNotDeletedSql("json_extract(records.value, ?)"),
      params: [userId, link.entity, `$.${link.field}`],
    });
  }
  return list;
}

/**
 * The statement writing one validated mutation for `userId`, taking server version
 * `counter - offset`. It returns a row (`RETURNING version`) only when it changed something.
 */
export function mutationStatement(
  db: Db,
  userId: string,
  m: ValidMutation,
  offset: number,
  guard?: ClientGuard,
): D1PreparedStatement {
  const where = conditions(userId, m, guard);
  const whereSql = where.map((w) => w.sql).join(" AND ");
  const whereParams = where.flatMap((w) => w.params);
  if (m.op === "patch") {
    const setPairs = Object.entries(m.patch.set);
    let expr = "value";
    if (setPairs.length > 0) expr = `json_set(${expr}, ${setPairs.map(() => "?, json(?)").join(", ")})`;
    if (m.patch.remove.length > 0) expr = `json_remove(${expr}, ${m.patch.remove.map(() => "?").join(", ")})`;
    const exprParams = [
      ...setPairs.flatMap(([field, value]) => [`$.${field}`, JSON.stringify(value)]),
      ...m.patch.remove.map((field) => `$.${field}`),
    ];
    return db
      .prepare(
        `UPDATE records SET value = ${expr}, version = ${VERSION_SQL}
         WHERE user_id = ? AND entity = ? AND id = ? AND value IS NOT NULL${whereSql ? ` AND ${whereSql}` : ""}
         RETURNING version`,
      )
      .bind(...exprParams, offset, userId, m.entity, m.key, ...whereParams);
  }
  const value = m.op === "put" ? JSON.stringify(m.record) : null;
  return db
    .prepare(
      `INSERT INTO records (user_id, entity, id, value, version)
       SELECT ?, ?, ?, ?, ${VERSION_SQL} WHERE ${whereSql || "true"}
       ON CONFLICT (user_id, entity, id) DO UPDATE SET value = excluded.value, version = excluded.version
       RETURNING version`,
    )
    .bind(userId, m.entity, m.key, value, offset, ...whereParams);
}

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
 * The statements writing `mutations` for `userId` in ONE batch: the counter bump, then mutation i at
 * index 1 + i, then the profile pointer when a profile changed.
 */
export function writeStatements(
  db: Db,
  userId: string,
  mutations: readonly ValidMutation[],
  guardFor?: (m: ValidMutation) => ClientGuard,
): { statements: D1PreparedStatement[] } {
  const statements = [bumpCounter(db, mutations.length)];
  mutations.forEach((m, i) => {
    statements.push(mutationStatement(db, userId, m, mutations.length - 1 - i, guardFor?.(m)));
  });
  if (mutations.some((m) => m.entity === "profile")) statements.push(syncProfileVersion(db, userId));
  return { statements };
}

export interface ChangeRow {
  entity: string;
  id: string;
  value: string | null;
  version: number;
}

/** A user's changes after `afterVersion`, in server order (one more than `limit`, to know if more remain). */
export const changesSince = (db: Db, userId: string, afterVersion: number, limit: number) =>
  db
    .prepare(
      "SELECT entity, id, value, version FROM records WHERE user_id = ? AND version > ? ORDER BY version LIMIT ?",
    )
    .bind(userId, afterVersion, limit + 1);
