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
    await applyChanges(db, preparePage(readable), report);
  });
  return report.applied + report.keptLocal;
}

type Pulled = Pick<Change, "entity" | "key" | "value" | "version" | "stamps">;

/** A pulled change sorted out before its transaction: what this build can read, and how. */
type Prepared =
  | { kind: "put"; entity: EntityKind; change: Pulled & { value: Record<string, unknown> } }
  | { kind: "delete"; entity: EntityKind; change: Pulled }
  | { kind: "aside"; change: Pulled };

/** A page checked against this build's schemas, ready for {@link applyPulledPage}. */
export interface PreparedPage {
  entries: Prepared[];
  /** The latest stamp the page carries (the clock moves up to it). */
  latest: string | undefined;
  kinds: Set<EntityKind>;
}

/**
 * Sorts a page's changes by what this build can do with them and validates every value against
 * its entity's schema. Pure and outside any transaction, so it can run while the page before is
 * still being written.
 */
export function preparePage(changes: readonly Pulled[]): PreparedPage {
  const entries: Prepared[] = [];
  const kinds = new Set<EntityKind>();
  let latest: string | undefined;
  for (const change of changes) {
    for (const stamp of Object.values(change.stamps ?? {}))
      if (latest === undefined || stamp > latest) latest = stamp;
    const { entity, value } = change;
    if (!isEntityKind(entity) || (value !== null && !safeParseRecord(entity, value).ok)) {
      // A newer shape or kind than this build knows: kept, not dropped, so an update can apply it.
      entries.push({ kind: "aside", change });
      continue;
    }
    kinds.add(entity);
    entries.push(
      value === null
        ? { kind: "delete", entity, change }
        : { kind: "put", entity, change: { ...change, value } },
    );
  }
  return { entries, latest, kinds };
}

/**
 * Consecutive prepared pages as one. A record changed again while the pages were fetched comes
 * twice; only its later change (the later page's) is kept.
 */
export function joinPrepared(pages: readonly PreparedPage[]): PreparedPage {
  if (pages.length === 1 && pages[0]) return pages[0];
  const kinds = new Set<EntityKind>();
  const byRecord = new Map<string, Prepared>();
  let latest: string | undefined;
  for (const page of pages) {
    for (const kind of page.kinds) kinds.add(kind);
    if (page.latest !== undefined && (latest === undefined || page.latest > latest)) latest = page.latest;
    for (const entry of page.entries) {
      const id = `${entry.change.entity}/${entry.change.key}`;
      byRecord.delete(id);
      byRecord.set(id, entry);
    }
  }
  return { entries: [...byRecord.values()], latest, kinds };
}

/**
 * Applies one page of pulled changes, and the cursor after it, in one transaction: a page is
 * applied whole or not at all. Each pulled record is merged with the changes still waiting in the
 * outbox by the server's rule (per field, the later stamp wins; a delete is final), so the screen
 * shows what the server will hold once they are pushed.
 */
export async function applyPulledPage(
  db: SpotterDb,
  page: readonly Change[] | PreparedPage,
  cursor: string,
  bookmark?: string | null,
): Promise<ApplyReport> {
  const prepared = isPrepared(page) ? page : preparePage(page);
  const report = emptyReport();
  await db.transaction("rw", pageTables(db, prepared.kinds), async () => {
    const bookmarkRow = bookmark ? [{ key: "bookmark", value: bookmark }] : [];
    // Issued together: the cursor's write need not wait for the page's reads.
    await Promise.all([
      applyChanges(db, prepared, report),
      db.meta.bulkPut([{ key: "cursor", value: cursor }, ...bookmarkRow]),
    ]);
  });
  return report;
}

const isPrepared = (page: readonly Change[] | PreparedPage): page is PreparedPage => !Array.isArray(page);

/** The tables a page can touch: its kinds (and their children, for deletes), outbox, meta, unparsed. */
function pageTables(db: SpotterDb, pageKinds: ReadonlySet<EntityKind>) {
  const kinds = new Set<EntityKind>();
  for (const kind of pageKinds) {
    kinds.add(kind);
    for (const child of childrenOf(kind)) kinds.add(child.entity);
  }
  return [...[...kinds].map((kind) => db.tableFor(kind)), db.outbox, db.meta, db.unparsed];
}

/**
 * The page's work in bulk, in two trips to the database: the reads (the outbox, since only records
 * with pending changes need merging, and whether anything is kept aside), then every write issued
 * at once (per table one bulkPut, the kept-aside rows, the clock); deletes, rare in a page, go
 * first with their cascades.
 */
async function applyChanges(db: SpotterDb, page: PreparedPage, report: ApplyReport): Promise<void> {
  // Before the clock receives this page's stamps: pending rows get the stamps of their moment.
  const [outbox, keptAside] = await Promise.all([stampPending(db), db.unparsed.count()]);
  const pending = groupByRecord(outbox);
  const puts = new Map<EntityKind, Map<string, AnyRow>>();
  const deletes = new Map<EntityKind, string[]>();
  const aside: UnparsedRow[] = [];
  const asideGone: [string, string][] = [];
  for (const entry of page.entries) {
    const { entity, key } = entry.change;
    // This change is the record's latest: anything kept aside for it is older.
    asideGone.push([entity, key]);
    if (entry.kind === "aside") {
      const { value, version, stamps } = entry.change;
      if (value !== null) {
        aside.push({ entity, key, value, version, stamps: stamps ?? null });
        report.keptAside += 1;
      }
      continue;
    }
    if (entry.kind === "delete") {
      // A delete is final: a pending change to the record will be ignored by the server.
      let list = deletes.get(entry.entity);
      if (!list) deletes.set(entry.entity, (list = []));
      list.push(key);
      puts.get(entry.entity)?.delete(key);
      report.applied += 1;
      continue;
    }
    const { value, stamps } = entry.change;
    const rows = pending.get(`${entity}/${key}`);
    const merged = rows ? mergePending(entry.entity, value, stamps ?? {}, rows) : value;
    if (merged === null) {
      report.keptLocal += 1; // deleted here, and the pending delete wins on the server too
      continue;
    }
    // Checked already when prepared; a merge with pending changes is checked again.
    const parsed = rows
      ? safeParseRecord(entry.entity, merged)
      : { ok: true as const, record: merged as AnyRow };
    if (!parsed.ok) {
      report.invalid += 1;
      continue;
    }
    let table = puts.get(entry.entity);
    if (!table) puts.set(entry.entity, (table = new Map()));
    table.set(key, parsed.record);
    if (rows) report.keptLocal += 1;
    else report.applied += 1;
  }
  // Deletes (and their cascades) before the puts, as the server ordered them.
  for (const [entity, keys] of deletes) await deleteWithChildren(db, entity, keys, report);
  const writes: Promise<unknown>[] = [];
  for (const [entity, rows] of puts) writes.push(db.tableFor(entity).bulkPut([...rows.values()]));
  if (asideGone.length > 0 && keptAside > 0) writes.push(db.unparsed.bulkDelete(asideGone));
  if (aside.length > 0) writes.push(db.unparsed.bulkPut(aside));
  writes.push(receiveStamp(db, page.latest));
  await Promise.all(writes);
}

/** Deletes records of one kind and, for a parent kind, their local children. */
async function deleteWithChildren(
  db: SpotterDb,
  entity: EntityKind,
  keys: string[],
  report: ApplyReport,
): Promise<void> {
  await db.tableFor(entity).bulkDelete(keys);
  if (childrenOf(entity).length === 0) return;
  for (const key of keys) report.cascaded += await deleteChildren(db, entity, key);
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
