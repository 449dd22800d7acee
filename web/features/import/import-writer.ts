import { getDb } from "../../db/database";
import { valid, writeWithOutbox } from "../../db/repository";
import type { AnyRow, EntityKind } from "../../db/records";
import type { OutboxRow } from "../../db/sync-tables";

/** One record of an import, as the worker hands it over. */
export interface ImportRecord {
  entity: EntityKind;
  value: AnyRow;
}

/**
 * What to do with a record whose key is already stored. "keep-existing" (files from other apps):
 * the stored one stays, and so do the sets of a workout already stored, so a second import adds
 * nothing and never brings back a set deleted since. "newer-wins" (Spotter's own exports): the
 * record with the later `updatedAt` stays.
 */
export type ExistingPolicy = "keep-existing" | "newer-wins";

/** Per kind, how many records a chunk stored and how many it left as they were. */
export interface ChunkResult {
  written: Partial<Record<EntityKind, number>>;
  skipped: Partial<Record<EntityKind, number>>;
}

const add = (counts: Partial<Record<EntityKind, number>>, kind: EntityKind, n: number) => {
  if (n > 0) counts[kind] = (counts[kind] ?? 0) + n;
};

/**
 * Stores one chunk of an import in one transaction with its outbox rows (the same path as every
 * local write: each record validated, the change and the row that syncs it commit together), so a
 * chunk is saved whole or not at all and the page stays responsive between chunks.
 */
export async function writeImportChunk(
  records: readonly ImportRecord[],
  policy: ExistingPolicy,
): Promise<ChunkResult> {
  const db = getDb();
  const kinds = [...new Set(records.map((r) => r.entity))];
  const tables = kinds.map((k) => db.tableFor(k));
  return writeWithOutbox(tables, async () => {
    const result: ChunkResult = { written: {}, skipped: {} };
    const keptWorkouts = new Set<string>();
    const outbox: OutboxRow[] = [];
    const createdAt = Date.now();
    // Workouts before sets, so a set knows whether its workout was new.
    for (const kind of [...kinds].sort((a, b) => Number(a === "set") - Number(b === "set"))) {
      const incoming = records.filter((r) => r.entity === kind).map((r) => r.value);
      const stored = await db.tableFor(kind).bulkGet(incoming.map((r) => r.id));
      const kept = incoming.filter((row, i) => {
        const existing = stored[i];
        if (policy === "newer-wins") return !existing || existing.updatedAt < row.updatedAt;
        if (existing) return false;
        return !("workoutId" in row) || keptWorkouts.has(row.workoutId);
      });
      if (kind === "workout") for (const w of kept) keptWorkouts.add(w.id);
      const rows = kept.map((row) => valid(kind, row));
      await db.tableFor(kind).bulkPut(rows);
      for (const row of rows)
        outbox.push({ entity: kind, op: "put", key: row.id, value: { ...row }, createdAt });
      add(result.written, kind, rows.length);
      add(result.skipped, kind, incoming.length - rows.length);
    }
    await db.outbox.bulkAdd(outbox);
    return result;
  });
}
