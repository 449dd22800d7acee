import { isSingletonEntity, type EntityKind } from "../../shared/schemas/entities";
import { PARENT_OF } from "../../shared/sync/parents";
import type { ValidMutation } from "../../shared/sync/push";
import type { StampedRecord } from "../../shared/sync/stamped";
import type { Db } from "./db";

/** One stored record as a push reads it. */
export interface StoredRecord {
  userId: string;
  entity: string;
  id: string;
  state: StampedRecord;
  version: number;
}

interface RecordRow {
  user_id: string;
  entity: string;
  id: string;
  value: string | null;
  stamps: string | null;
  deleted_stamp: string | null;
  version: number;
}

/** `entity/key`: how a push names a record in its maps. */
export const recordKey = (entity: string, id: string) => `${entity}/${id}`;

const COLUMNS = "r.user_id, r.entity, r.id, r.value, r.stamps, r.deleted_stamp, r.version";

/**
 * Everything a push must see, in one query: the records it names (any user's, for the ownership
 * check), the parents its children point to now, and the children of the parents it touches (a
 * workout's sets: a delete takes them). `keys` is `[entity, id]` pairs, parents named in the
 * pushed values included.
 */
export function readPushStatement(db: Db, userId: string, keys: [string, string][]): D1PreparedStatement {
  const parts = [
    `SELECT ${COLUMNS} FROM records r WHERE (r.entity, r.id) IN (SELECT k.value ->> 0, k.value ->> 1 FROM json_each(?1) k)`,
  ];
  for (const [child, link] of Object.entries(PARENT_OF)) {
    // `parent_id` is the generated column of `$.workoutId`, the one parent link there is.
    if (link.field !== "workoutId") throw new Error(`No parent column for ${child}.${link.field}.`);
    parts.push(
      `SELECT ${COLUMNS} FROM records r WHERE r.user_id = ?2 AND r.entity = '${link.entity}' AND r.id IN (
         SELECT s.parent_id FROM records s JOIN json_each(?1) k ON s.entity = k.value ->> 0 AND s.id = k.value ->> 1
         WHERE s.user_id = ?2 AND s.entity = '${child}')`,
      `SELECT ${COLUMNS} FROM records r WHERE r.user_id = ?2 AND r.entity = '${child}' AND r.parent_id IN (
         SELECT k.value ->> 1 FROM json_each(?1) k WHERE k.value ->> 0 = '${link.entity}')`,
    );
  }
  return db.prepare(parts.join(" UNION ALL ")).bind(JSON.stringify(keys), userId);
}

/** Parses what {@link readPushStatement} returned, one entry per record. */
export function storedRecords(rows: readonly RecordRow[]): StoredRecord[] {
  const seen = new Map<string, StoredRecord>();
  for (const row of rows) {
    const id = `${row.user_id}/${recordKey(row.entity, row.id)}`;
    if (seen.has(id)) continue;
    const value = row.value === null ? null : (JSON.parse(row.value) as Record<string, unknown>);
    const stamps = row.stamps === null ? {} : (JSON.parse(row.stamps) as Record<string, string>);
    const state: StampedRecord =
      value === null
        ? { value: null, stamps: {}, ...(row.deleted_stamp ? { deleted: row.deleted_stamp } : {}) }
        : { value, stamps };
    seen.set(id, { userId: row.user_id, entity: row.entity, id: row.id, state, version: row.version });
  }
  return [...seen.values()];
}

export type { RecordRow };

/** The `[entity, id]` pairs a push reads: the records it names and the parents its values name. */
export function keysToRead(mutations: readonly ValidMutation[]): [string, string][] {
  const keys = new Map<string, [string, string]>();
  for (const m of mutations) {
    keys.set(recordKey(m.entity, m.key), [m.entity, m.key]);
    const link = PARENT_OF[m.entity];
    if (!link || m.op === "delete") continue;
    const parent = m.op === "put" ? m.record[link.field] : m.patch.set[link.field];
    if (typeof parent === "string") keys.set(recordKey(link.entity, parent), [link.entity, parent]);
  }
  return [...keys.values()];
}

/** Whether another user holds this client-chosen id (singletons are per user, so never). */
export const ownedElsewhere = (
  stored: readonly StoredRecord[],
  userId: string,
  entity: EntityKind,
  id: string,
) =>
  !isSingletonEntity(entity) && stored.some((r) => r.entity === entity && r.id === id && r.userId !== userId);

/** What a push's merge took as given, for {@link unchangedGuard} to check inside the write batch. */
export interface PushAssumptions {
  /**
   * The client's mark: as read (`equals`: it must be unchanged), or not read (`below`: the push's
   * first mutation id, which it must still be below, so no mutation of the push was applied).
   */
  mark: { equals: number } | { below: number };
  /** Records with the version they were read at (null: absent). */
  read: { entity: string; id: string; version: number | null }[];
  /** Parents with the number of children they had. */
  childCounts: { entity: string; parent: string; count: number }[];
  /** Parents named but not read, taken to be live or absent: a tombstone would change the merge. */
  notTombstoned: [string, string][];
}

/**
 * The write batch's check: it fails (rolling the batch back) unless what the merge took as given
 * still holds: the records it read have the versions it read, each parent it read has as many
 * children, no parent it did not read is a tombstone, and the client's mark is as it assumed. Then
 * the push is read and merged again.
 */
export function unchangedGuard(
  db: Db,
  userId: string,
  clientId: string,
  { mark, read, childCounts, notTombstoned }: PushAssumptions,
): D1PreparedStatement {
  const [markChanged, markValue] = "equals" in mark ? ["<>", mark.equals] : [">=", mark.below];
  return db
    .prepare(
      `SELECT CASE WHEN
         coalesce((SELECT last_mutation_id FROM sync_clients WHERE user_id = ?1 AND id = ?2), 0) ${markChanged} ?3
         OR EXISTS (SELECT 1 FROM json_each(?4) k
           LEFT JOIN records r ON r.user_id = ?1 AND r.entity = k.value ->> 0 AND r.id = k.value ->> 1
           WHERE r.version IS NOT (k.value ->> 2))
         OR EXISTS (SELECT 1 FROM json_each(?5) w
           WHERE (SELECT count(*) FROM records s
             WHERE s.user_id = ?1 AND s.entity = w.value ->> 0 AND s.parent_id = w.value ->> 1) <> (w.value ->> 2))
         OR EXISTS (SELECT 1 FROM json_each(?6) p
           JOIN records r ON r.user_id = ?1 AND r.entity = p.value ->> 0 AND r.id = p.value ->> 1
           WHERE r.value IS NULL)
       THEN json('${STALE_MARK}') ELSE 0 END AS unchanged`,
    )
    .bind(
      userId,
      clientId,
      markValue,
      JSON.stringify(read.map((r) => [r.entity, r.id, r.version])),
      JSON.stringify(childCounts.map((c) => [c.entity, c.parent, c.count])),
      JSON.stringify(notTombstoned),
    );
}

const STALE_MARK = "stale push read";

/** Whether a batch failed because {@link unchangedGuard} found its reads stale. */
export const isStaleRead = (err: unknown) => /malformed JSON/i.test(String(err));

/** Writes one merged record (value, stamps, tombstone stamp) at server version `counter - offset`. */
export function writeRecordStatement(
  db: Db,
  userId: string,
  entity: EntityKind,
  id: string,
  state: StampedRecord,
  offset: number,
): D1PreparedStatement {
  const notOwnedElsewhere = isSingletonEntity(entity)
    ? "true"
    : "NOT EXISTS (SELECT 1 FROM records WHERE entity = ?2 AND id = ?3 AND user_id <> ?1)";
  return db
    .prepare(
      `INSERT INTO records (user_id, entity, id, value, stamps, deleted_stamp, version)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, (SELECT version FROM sync_counter WHERE id = 1) - ?7 WHERE ${notOwnedElsewhere}
       ON CONFLICT (user_id, entity, id) DO UPDATE SET value = excluded.value, stamps = excluded.stamps,
         deleted_stamp = excluded.deleted_stamp, version = excluded.version
       RETURNING version`,
    )
    .bind(
      userId,
      entity,
      id,
      state.value === null ? null : JSON.stringify(state.value),
      state.value === null ? null : JSON.stringify(state.stamps),
      state.deleted ?? null,
      offset,
    );
}
