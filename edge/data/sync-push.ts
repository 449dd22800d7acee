import { isSingletonEntity, updatableFields, type EntityKind } from "../../shared/schemas/entities";
import type { PushResponse } from "../../shared/schemas/sync";
import { safeParseRecord } from "../../shared/schemas/entities";
import { acceptedStamp, type Stamp } from "../../shared/sync/hlc";
import { childrenOf, PARENT_OF } from "../../shared/sync/parents";
import type { ValidMutation } from "../../shared/sync/push";
import { applyStamped, latestStamp, type StampedChange, type StampedRecord } from "../../shared/sync/stamped";
import { refuseEndedSession, sessionAlive } from "../auth/session-alive";
import { ApiError } from "../http/errors";
import type { Db, SessionInfo } from "./db";
import { bumpCounter, syncProfileVersion } from "./records";
import {
  isStaleRead,
  keysToRead,
  ownedElsewhere,
  readPushStatement,
  recordKey,
  storedRecords,
  unchangedGuard,
  type PushAssumptions,
  type StoredRecord,
  writeRecordStatement,
  type RecordRow,
} from "./sync-state";

/** How often a push is read and merged again when another request changed what it read. */
const MAX_ATTEMPTS = 5;

interface Entry {
  entity: EntityKind;
  id: string;
  state: StampedRecord | null;
}

const fieldsCache = new Map<EntityKind, string[]>();
const allFields = (entity: EntityKind) => {
  let fields = fieldsCache.get(entity);
  if (!fields) fieldsCache.set(entity, (fields = updatableFields(entity)));
  return fields;
};

/** A validated mutation as a stamped change for the shared merge. */
function toChange(m: ValidMutation, stamp: Stamp): StampedChange {
  if (m.op === "delete") return { op: "delete", stamp };
  if (m.op === "put") return { op: "put", whole: true, fields: allFields(m.entity), value: m.record, stamp };
  const fields = [...Object.keys(m.patch.set), ...m.patch.remove];
  return { op: "put", whole: false, fields, value: m.patch.set, stamp };
}

/**
 * Applies a validated push for `userId` (shared/sync/README.md): reads what it touches, merges each
 * mutation per field by its stamp, cascades workout deletes to their sets, tombstones sets under
 * deleted workouts, and writes everything with the client's new mark in ONE batch that first
 * checks the device's session still exists (else a 401, nothing written) and nothing it read has
 * changed (else it reads and merges again).
 *
 * A push of new records only (a logged set, a meal: whole puts, no profile) is first merged without reading,
 * as if none of its records existed yet: the write batch's check then confirms it (the records
 * absent, their parents not deleted, the client's mark below the push) and one D1 round trip
 * applies it. When the check fails, the push is read and merged as above.
 */
export async function applyPush(
  db: Db,
  session: SessionInfo,
  clientId: string,
  mutations: readonly ValidMutation[],
  nowMs: () => number = Date.now,
): Promise<PushOutcome> {
  // A singleton (the profile) almost always exists already: guessing it new would cost a round trip.
  if (mutations.length > 0 && mutations.every((m) => m.op === "put" && !isSingletonEntity(m.entity))) {
    try {
      return await attemptPush(db, session, clientId, mutations, nowMs(), assumeNew(mutations));
    } catch (err) {
      if (!isStaleRead(err)) throw err;
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const read = await readForPush(db, session.userId, clientId, mutations);
      return await attemptPush(db, session, clientId, mutations, nowMs(), read);
    } catch (err) {
      if (!isStaleRead(err)) throw err;
      if (attempt >= MAX_ATTEMPTS) {
        throw new ApiError(409, "conflict", "Too many changes to these records at once; try again.");
      }
    }
  }
}

/** What a merge starts from: the stored records it sees, and what the write batch must confirm. */
interface PushRead {
  /** The client's mark the merge skips mutations at or below. */
  previous: number;
  /** Stored records the push named or reaches (any user's, for the ownership check). */
  stored: StoredRecord[];
  assumptions: PushAssumptions;
}

/** Reads everything the push touches and the client's mark: one round trip. */
async function readForPush(
  db: Db,
  userId: string,
  clientId: string,
  mutations: readonly ValidMutation[],
): Promise<PushRead> {
  const keys = keysToRead(mutations);
  const [markRead, recordsRead] = await db.batch<{ last_mutation_id?: number } & Partial<RecordRow>>([
    db
      .prepare("SELECT last_mutation_id FROM sync_clients WHERE user_id = ? AND id = ?")
      .bind(userId, clientId),
    readPushStatement(db, userId, keys),
  ]);
  const previous = markRead?.results[0]?.last_mutation_id ?? 0;
  const stored = storedRecords((recordsRead?.results ?? []) as RecordRow[]);
  const mine = stored.filter((r) => r.userId === userId);
  // What was read, for the guard: named records (present or not) and every record of ours read.
  const versions = new Map<string, { entity: string; id: string; version: number | null }>();
  for (const [entity, id] of keys) versions.set(recordKey(entity, id), { entity, id, version: null });
  for (const r of mine)
    versions.set(recordKey(r.entity, r.id), { entity: r.entity, id: r.id, version: r.version });
  return {
    previous,
    stored,
    assumptions: {
      mark: { equals: previous },
      read: [...versions.values()],
      childCounts: childCountsOf(keys, mine),
      notTombstoned: [],
    },
  };
}

/**
 * A push of whole puts merged as if none of its records existed: nothing read, none of its
 * mutations applied before, no child under a record it creates, and each parent it names (a set's
 * workout) live or not yet pushed, all for the write batch's check to confirm.
 */
function assumeNew(mutations: readonly ValidMutation[]): PushRead {
  const keys = keysToRead(mutations);
  const named = new Set(mutations.map((m) => recordKey(m.entity, m.key)));
  const own = keys.filter(([entity, id]) => named.has(recordKey(entity, id)));
  return {
    previous: mutations[0]!.id - 1,
    stored: [],
    assumptions: {
      mark: { below: mutations[0]!.id },
      read: own.map(([entity, id]) => ({ entity, id, version: null })),
      childCounts: childCountsOf(own, []),
      notTombstoned: keys.filter(([entity, id]) => !named.has(recordKey(entity, id))),
    },
  };
}

/** How many children of ours each parent among `keys` has in `mine` (a workout's sets). */
const childCountsOf = (keys: readonly [string, string][], mine: readonly StoredRecord[]) =>
  keys.flatMap(([entity, id]) =>
    childrenOf(entity as EntityKind).map((child) => ({
      entity: child.entity,
      parent: id,
      count: mine.filter((r) => r.entity === child.entity && r.state.value?.[child.field] === id).length,
    })),
  );

/** What a push answers, and the user's newest record version after it (null: it wrote nothing). */
export interface PushOutcome {
  answer: PushResponse;
  newestVersion: number | null;
}

async function attemptPush(
  db: Db,
  session: SessionInfo,
  clientId: string,
  mutations: readonly ValidMutation[],
  nowMs: number,
  { previous, stored, assumptions }: PushRead,
): Promise<PushOutcome> {
  const { userId } = session;
  const mine = stored.filter((r) => r.userId === userId);
  const entries = new Map<string, Entry>(
    mine.map((r) => [
      recordKey(r.entity, r.id),
      { entity: r.entity as EntityKind, id: r.id, state: r.state },
    ]),
  );
  const merge = mergeMutations(entries, mutations, previous, nowMs, (m) =>
    ownedElsewhere(stored, userId, m.entity, m.key),
  );

  const writes = [...merge.dirty].map((k) => entries.get(k)!).filter((e) => e.state !== null);
  const lastId = mutations.at(-1)?.id ?? 0;
  const results = await db
    .batch<{ version?: number; last_mutation_id?: number; newest?: number | null }>([
      sessionAlive(db, session, nowMs),
      unchangedGuard(db, userId, clientId, assumptions),
      ...(writes.length > 0 ? [bumpCounter(db, writes.length)] : []),
      ...writes.map((e, i) =>
        writeRecordStatement(db, userId, e.entity, e.id, e.state!, writes.length - 1 - i),
      ),
      ...(writes.some((e) => e.entity === "profile") ? [syncProfileVersion(db, userId)] : []),
      // The user's newest version as of this commit, for the head object (user-head.ts).
      ...(writes.length > 0
        ? [db.prepare("SELECT max(version) AS newest FROM records WHERE user_id = ?").bind(userId)]
        : []),
      db
        .prepare(
          `INSERT INTO sync_clients (user_id, id, last_mutation_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, id) DO UPDATE SET
           last_mutation_id = max(last_mutation_id, excluded.last_mutation_id), updated_at = excluded.updated_at
         RETURNING last_mutation_id`,
        )
        .bind(userId, clientId, lastId, nowMs),
    ])
    .catch(refuseEndedSession);
  const firstWrite = writes.length > 0 ? 3 : 2;
  writes.forEach((e, i) => {
    // Another account holds this id (or took it between our read and our write): nothing of ours was written.
    if ((results[firstWrite + i]?.results.length ?? 0) === 0) {
      for (const id of merge.touchedBy.get(recordKey(e.entity, e.id)) ?? []) merge.ignored.add(id);
    }
  });
  return {
    answer: {
      lastMutationId: results.at(-1)?.results[0]?.last_mutation_id ?? previous,
      ignored: mutations.filter((m) => merge.ignored.has(m.id)).map((m) => m.id),
      skipped: mutations.filter((m) => m.id <= previous).map((m) => m.id),
    },
    newestVersion: writes.length > 0 ? (results.at(-2)?.results[0]?.newest ?? null) : null,
  };
}

/**
 * Merges `mutations` into `entries` in order (pure apart from `entries`): which records changed,
 * which mutation ids could not apply, and which ids touched each record.
 */
function mergeMutations(
  entries: Map<string, Entry>,
  mutations: readonly ValidMutation[],
  previous: number,
  nowMs: number,
  isOwnedElsewhere: (m: ValidMutation) => boolean,
) {
  const dirty = new Set<string>();
  const ignored = new Set<number>();
  const touchedBy = new Map<string, number[]>();
  const originals = new Map<string, StampedRecord | null>();
  const set = (key: string, entry: Entry, next: StampedRecord, mutationId: number) => {
    if (!originals.has(key)) originals.set(key, entry.state);
    entry.state = next;
    dirty.add(key);
    touchedBy.set(key, [...(touchedBy.get(key) ?? []), mutationId]);
  };
  for (const m of mutations) {
    if (m.id <= previous) continue;
    if (isOwnedElsewhere(m)) {
      ignored.add(m.id);
      continue;
    }
    const key = recordKey(m.entity, m.key);
    const entry = entries.get(key) ?? { entity: m.entity, id: m.key, state: null };
    entries.set(key, entry);
    const current = entry.state;
    const stamp = acceptedStamp(m.stamp, nowMs, current ? latestStamp(current) : undefined);
    let change = toChange(m, stamp);
    if (change.op === "put" && parentDeleted(entries, m, current)) {
      // A set under a deleted workout goes with it: stored as a tombstone, so every device drops it.
      change = { op: "delete", stamp };
      ignored.add(m.id);
    }
    const result = applyStamped(current, change);
    if (!result.applied) ignored.add(m.id);
    if (result.record === null || result.record === current) continue;
    if (current?.value === null && result.record.deleted === current.deleted) continue;
    set(key, entry, result.record, m.id);
    if (change.op === "delete") {
      for (const child of childrenOf(m.entity)) {
        for (const [childKey, childEntry] of entries) {
          if (childEntry.entity !== child.entity || childEntry.state?.value?.[child.field] !== m.key)
            continue;
          set(childKey, childEntry, applyStamped(childEntry.state, change).record!, m.id);
        }
      }
    }
  }
  // A merge of per-field-valid writes is valid unless a schema checks fields together: keep such
  // a record as it was and say its changes did not apply.
  for (const key of dirty) {
    const entry = entries.get(key)!;
    if (entry.state?.value && !safeParseRecord(entry.entity, entry.state.value).ok) {
      entry.state = originals.get(key) ?? null;
      dirty.delete(key);
      for (const id of touchedBy.get(key) ?? []) ignored.add(id);
    }
  }
  return { dirty, ignored, touchedBy };
}

/** Whether the parent a child (a set) would be under after `m` is deleted. */
function parentDeleted(
  entries: Map<string, Entry>,
  m: ValidMutation,
  current: StampedRecord | null,
): boolean {
  const link = PARENT_OF[m.entity];
  if (!link || m.op === "delete") return false;
  const named = m.op === "put" ? m.record[link.field] : m.patch.set[link.field];
  const parent = named ?? current?.value?.[link.field];
  if (typeof parent !== "string") return false;
  return entries.get(recordKey(link.entity, parent))?.state?.value === null;
}
