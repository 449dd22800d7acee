import { personalRecords, type PersonalRecord } from "../../../shared/training/one-rep-max";
import { getDb, validRows } from "../../db";

/** Sets read and checked per step: each step is one short task, so a long log never holds the page. */
const PAGE = 2000;

/** Folds one page's records into the running ones (pages come oldest first, so first-seen order holds). */
function merge(into: Map<string, PersonalRecord>, page: readonly PersonalRecord[]): void {
  for (const r of page) {
    const had = into.get(r.exerciseId);
    if (!had) {
      into.set(r.exerciseId, { ...r });
      continue;
    }
    if (r.heaviestKg !== null) had.heaviestKg = Math.max(had.heaviestKg ?? 0, r.heaviestKg);
    had.mostReps = Math.max(had.mostReps, r.mostReps);
    if (
      r.bestEstimatedOneRepMaxKg !== null &&
      r.bestEstimatedOneRepMaxKg > (had.bestEstimatedOneRepMaxKg ?? 0)
    ) {
      had.bestEstimatedOneRepMaxKg = r.bestEstimatedOneRepMaxKg;
      had.bestEstimateAt = r.bestEstimateAt;
    }
  }
}

/**
 * Personal records over every set, read and validated a page at a time, oldest first: the same
 * answer as `personalRecords(allSets())`, but after a 50,000-set import no single task reads and
 * checks them all. Only Dexie calls are awaited, so it works as a live query (re-run on change).
 */
export async function personalRecordsByPage(pageSize = PAGE): Promise<PersonalRecord[]> {
  const records = new Map<string, PersonalRecord>();
  // Each page starts at the last page's time (an index range, not an offset counted from the start);
  // the sets already read at exactly that time are passed over.
  let from = -Infinity;
  let readAtFrom = new Set<string>();
  for (;;) {
    const rows = await getDb()
      .sets.where("performedAt")
      .aboveOrEqual(from)
      .limit(pageSize + readAtFrom.size)
      .toArray();
    const fresh = rows.filter((r) => !readAtFrom.has(r.id));
    merge(records, personalRecords(validRows("set", fresh)));
    if (rows.length < pageSize + readAtFrom.size || fresh.length === 0) return [...records.values()];
    const last = rows.at(-1)!.performedAt;
    const atLast = rows.filter((r) => r.performedAt === last).map((r) => r.id);
    readAtFrom = last === from ? new Set([...readAtFrom, ...atLast]) : new Set(atLast);
    from = last;
  }
}
