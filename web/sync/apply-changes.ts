import * as v from "valibot";
import {
  EntityKindSchema,
  safeParseRecord,
  updatableFields,
  type EntityKind,
} from "../../shared/schemas/entities";
import type { Change } from "../../shared/schemas/sync";
import { childrenOf } from "../../shared/sync/parents";
import { applyStamped, type StampedRecord } from "../../shared/sync/stamped";
import type { OutboxRow, SpotterDb } from "../db/database";
import type { AnyRow } from "../db/records";
import type { UnparsedRow } from "../db/sync-tables";
import { deleteChildren } from "./cascade";
import { receiveStamp, stampPending } from "./clock";

/** What applying one pulled page did. */
export interface ApplyReport {
  applied: number;
  /** Changes merged with a local change still waiting to be pushed (the later stamp kept per field). */
  keptLocal: number;
  invalid: number;
  /** Records this build cannot read (a newer shape), kept aside to apply after an update. */
  keptAside: number;
  /** Local children deleted with a pulled delete of their parent. */
  cascaded: number;
}

const emptyReport = (): ApplyReport => ({ applied: 0, keptLocal: 0, invalid: 0, keptAside: 0, cascaded: 0 });

const applyTables = (db: SpotterDb) => [...db.syncedTables(), db.outbox, db.meta, db.unparsed];

const isEntityKind = (entity: string): entity is EntityKind => v.is(EntityKindSchema, entity);

/**
 * Applies pulled records kept aside because an older build could not read them, now that this
 * build may (after an update). Returns how many were applied; the rest stay kept.
 */
export async function retryUnparsed(db: SpotterDb): Promise<number> {
  if ((await db.unparsed.count()) === 0) return 0;
  const report = emptyReport();
  await db.transaction("rw", applyTables(db), async () => {
    const readable = (await db.unparsed.toArray()).filter(
      (row) => isEntityKind(row.entity) && safeParseRecord(row.entity, row.value).ok,
    );
    await applyChanges(db, readable, report);
  });
  return report.applied + report.keptLocal;
}

/**
 * Applies one page of pulled changes, and the cursor after it, in one transaction: a page is
 * applied whole or not at all. Each pulled record is merged with the changes still waiting in the
 * outbox by the server's rule (per field, the later stamp wins; a delete is final), so the screen
 * shows what the server will hold once they are pushed.
 */
export async function applyPulledPage(
  db: SpotterDb,
  changes: Change[],
  cursor: string,
  bookmark?: string | null,
): Promise<ApplyReport> {
  const report = emptyReport();
  await db.transaction("rw", pageTables(db, changes), async () => {
    await applyChanges(db, changes, report);
    const bookmarkRow = bookmark ? [{ key: "bookmark", value: bookmark }] : [];
    await db.meta.bulkPut([{ key: "cursor", value: cursor }, ...bookmarkRow]);
  });
  return report;
}

/** The tables a page can touch: its kinds (and their children, for deletes), outbox, meta, unparsed. */
function pageTables(db: SpotterDb, changes: readonly Change[]) {
  const kinds = new Set<EntityKind>();
  for (const change of changes) {
    if (!isEntityKind(change.entity) || kinds.has(change.entity)) continue;
    kinds.add(change.entity);
    for (const child of childrenOf(change.entity)) kinds.add(child.entity);
  }
  return [...[...kinds].map((kind) => db.tableFor(kind)), db.outbox, db.meta, db.unparsed];
}

type Pulled = Pick<Change, "entity" | "key" | "value" | "version" | "stamps">;

/**
 * The page's work in bulk: one read of the outbox (the only records that need merging are those
 * with pending changes), then per table one bulkDelete and one bulkPut.
 */
async function applyChanges(db: SpotterDb, changes: readonly Pulled[], report: ApplyReport): Promise<void> {
  // Before the clock receives this page's stamps: pending rows get the stamps of their moment.
  const pending = groupByRecord(await stampPending(db));
  const puts = new Map<EntityKind, Map<string, AnyRow>>();
  const deletes = new Map<EntityKind, string[]>();
  const aside: UnparsedRow[] = [];
  const asideGone: [string, string][] = [];
  let latest: string | undefined;
  for (const change of changes) {
    for (const stamp of Object.values(change.stamps ?? {}))
      if (latest === undefined || stamp > latest) latest = stamp;
    const { entity, key } = change;
    // This change is the record's latest: anything kept aside for it is older.
    asideGone.push([entity, key]);
    if (!isEntityKind(entity) || (change.value !== null && !safeParseRecord(entity, change.value).ok)) {
      // A newer shape or kind than this build knows: kept, not dropped, so an update can apply it.
      if (change.value !== null) {
        aside.push({
          entity,
          key,
          value: change.value,
          version: change.version,
          stamps: change.stamps ?? null,
        });
        report.keptAside += 1;
      }
      continue;
    }
    if (change.value === null) {
      // A delete is final: a pending change to the record will be ignored by the server.
      let list = deletes.get(entity);
      if (!list) deletes.set(entity, (list = []));
      list.push(key);
      puts.get(entity)?.delete(key);
      report.applied += 1;
      continue;
    }
    const rows = pending.get(`${entity}/${key}`);
    const merged = rows ? mergePending(entity, change.value, change.stamps ?? {}, rows) : change.value;
    if (merged === null) {
      report.keptLocal += 1; // deleted here, and the pending delete wins on the server too
      continue;
    }
    const parsed = rows ? safeParseRecord(entity, merged) : { ok: true as const, record: merged as AnyRow };
    if (!parsed.ok) {
      report.invalid += 1;
      continue;
    }
    let table = puts.get(entity);
    if (!table) puts.set(entity, (table = new Map()));
    table.set(key, parsed.record);
    if (rows) report.keptLocal += 1;
    else report.applied += 1;
  }
  for (const [entity, keys] of deletes) {
    await db.tableFor(entity).bulkDelete(keys);
    for (const key of keys)
      if (childrenOf(entity).length > 0) report.cascaded += await deleteChildren(db, entity, key);
  }
  for (const [entity, rows] of puts) await db.tableFor(entity).bulkPut([...rows.values()]);
  if (asideGone.length > 0 && (await db.unparsed.count()) > 0) await db.unparsed.bulkDelete(asideGone);
  if (aside.length > 0) await db.unparsed.bulkPut(aside);
  await receiveStamp(db, latest);
}

function groupByRecord(rows: readonly OutboxRow[]): Map<string, OutboxRow[]> {
  const byRecord = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = `${row.entity}/${row.key}`;
    const list = byRecord.get(key);
    if (list) list.push(row);
    else byRecord.set(key, [row]);
  }
  return byRecord;
}

/** The pulled record with this device's pending changes merged in by stamp; null when pending deletes it. */
function mergePending(
  entity: EntityKind,
  value: Record<string, unknown>,
  stamps: Record<string, string>,
  rows: readonly OutboxRow[],
): Record<string, unknown> | null {
  let state: StampedRecord | null = { value, stamps };
  for (const row of rows) {
    const stamp = row.stamp ?? "";
    state =
      row.op === "delete"
        ? applyStamped(state, { op: "delete", stamp }).record
        : applyStamped(state, {
            op: "put",
            whole: !row.fields,
            fields: row.fields ?? updatableFields(entity),
            value: row.value,
            stamp,
          }).record;
  }
  return state?.value ?? null;
}
