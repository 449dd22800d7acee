import * as v from "valibot";
import { EntityKindSchema, safeParseRecord, type EntityKind } from "../../shared/schemas/entities";
import type { Change } from "../../shared/schemas/sync";
import type { OutboxRow, SpotterDb } from "../db/database";
import { cascadeDelete } from "./cascade";

/** What applying one pulled page did. */
export interface ApplyReport {
  applied: number;
  /** Changes not applied because the record has a local change still waiting to be pushed. */
  keptLocal: number;
  invalid: number;
  /** Records this build cannot read (a newer shape), kept aside to apply after an update. */
  keptAside: number;
  /** Children deleted with a pulled delete of their parent (their deletes are queued to push). */
  cascaded: number;
}

/** Fields of the local record that pending outbox puts will still write. `"*"` means all. */
function pendingFields(pending: OutboxRow[]): Set<string> | "*" {
  const fields = new Set<string>();
  for (const row of pending) {
    if (row.op !== "put") continue;
    if (!row.fields) return "*";
    for (const f of row.fields) fields.add(f);
  }
  return fields;
}

const applyTables = (db: SpotterDb) => [...db.syncedTables(), db.outbox, db.meta, db.unparsed];

/**
 * Applies pulled records kept aside because an older build could not read them, now that this
 * build may (after an update). Returns how many were applied; the rest stay kept.
 */
export async function retryUnparsed(db: SpotterDb): Promise<number> {
  if ((await db.unparsed.count()) === 0) return 0;
  const report: ApplyReport = { applied: 0, keptLocal: 0, invalid: 0, keptAside: 0, cascaded: 0 };
  await db.transaction("rw", applyTables(db), async () => {
    for (const row of await db.unparsed.toArray()) {
      if (!isEntityKind(row.entity) || !safeParseRecord(row.entity, row.value).ok) continue;
      await applyChange(db, row, report);
    }
  });
  return report.applied + report.keptLocal;
}

/**
 * Applies one page of pulled changes, and the cursor after it, in one transaction: a page is
 * applied whole or not at all. Server changes arrive in server order, so applying them in turn is
 * last-writer-wins. What the person changed locally and has not pushed yet is kept: pending fields
 * stay local over a server put, a pending put keeps a record the server deleted, and a pending
 * delete keeps it deleted. The push that follows then decides on the server, in its order.
 */
export async function applyPulledPage(
  db: SpotterDb,
  changes: Change[],
  cursor: string,
): Promise<ApplyReport> {
  const report: ApplyReport = { applied: 0, keptLocal: 0, invalid: 0, keptAside: 0, cascaded: 0 };
  await db.transaction("rw", applyTables(db), async () => {
    for (const change of changes) {
      await applyChange(db, change, report);
    }
    await db.meta.put({ key: "cursor", value: cursor });
  });
  return report;
}

const keepAside = (db: SpotterDb, change: Change) =>
  db.unparsed.put({ entity: change.entity, key: change.key, value: change.value!, version: change.version });

const isEntityKind = (entity: string): entity is EntityKind => v.is(EntityKindSchema, entity);

async function applyChange(db: SpotterDb, change: Change, report: ApplyReport): Promise<void> {
  const { entity } = change;
  if (!isEntityKind(entity)) {
    // A kind of record a newer build syncs: kept for that build, like a newer shape.
    if (change.value !== null) await keepAside(db, change);
    else await db.unparsed.delete([entity, change.key]);
    report.keptAside += change.value === null ? 0 : 1;
    return;
  }
  const table = db.tableFor(entity);
  const pending = await db.outbox.where("[entity+key]").equals([entity, change.key]).toArray();
  const lastPending = pending.at(-1);
  // This change is the record's latest: anything kept aside for it is older.
  await db.unparsed.delete([entity, change.key]);
  if (change.value === null) {
    if (lastPending?.op === "put") {
      report.keptLocal += 1;
      return;
    }
    await table.delete(change.key);
    report.cascaded += await cascadeDelete(db, entity, change.key);
    report.applied += 1;
    return;
  }
  const parsed = safeParseRecord(entity, change.value);
  if (!parsed.ok) {
    // A newer shape than this build knows: kept, not dropped, so an update can still apply it.
    await keepAside(db, change);
    report.keptAside += 1;
    return;
  }
  if (lastPending?.op === "delete") {
    report.keptLocal += 1;
    return;
  }
  const fields = pendingFields(pending);
  const local = pending.length > 0 ? await table.get(change.key) : undefined;
  if (fields === "*" && local) {
    report.keptLocal += 1;
    return;
  }
  const merged: Record<string, unknown> = { ...parsed.record };
  if (local && fields !== "*") {
    const localFields: Record<string, unknown> = { ...local };
    for (const f of fields) merged[f] = localFields[f];
  }
  const checked = safeParseRecord(entity, merged);
  if (!checked.ok) {
    report.invalid += 1;
    return;
  }
  await table.put(checked.record);
  if (local) report.keptLocal += 1;
  else report.applied += 1;
}
