// `/performance?bench=sync` installs `window.__spotterSyncBench` for `npm run bench` (scripts/bench):
// a full pull through the app's own sync client into a fresh IndexedDB database, then a plain
// Dexie bulkPut of the same rows into another one, in the same page.
import { SpotterDb } from "../../../db/database";
import type { SetRow, WorkoutRow } from "../../../db/records";
import { setSignedInAccount } from "../../../sync/meta";
import { syncOnce } from "../../../sync/sync-once";
import { httpSyncTransport } from "../../../sync/transport";

export interface SyncBenchResult {
  rows: number;
  pullSeconds: number;
  rowsPerSecond: number;
  bulkPutSeconds: number;
  /** Pull+apply time over plain bulkPut time. */
  ratioToBulkPut: number;
}

declare global {
  interface Window {
    __spotterSyncBench?: (
      pullLimit: number,
      username: string,
      bulkPutFirst?: boolean,
    ) => Promise<SyncBenchResult>;
  }
}

type Rows = { workouts: WorkoutRow[]; sets: SetRow[] };
/** The rows the last sync stored: every run pulls the same records, so a bulkPut may go first. */
let lastRows: Rows | undefined;

/** One plain Dexie bulkPut of `rows` into a fresh database, in one transaction; seconds. */
async function bulkPut(name: string, rows: Rows): Promise<{ seconds: number; db: SpotterDb }> {
  const plain = new SpotterDb(name);
  await plain.open();
  const t1 = performance.now();
  await plain.transaction("rw", plain.workouts, plain.sets, async () => {
    await plain.workouts.bulkPut(rows.workouts);
    await plain.sets.bulkPut(rows.sets);
  });
  return { seconds: (performance.now() - t1) / 1000, db: plain };
}

/**
 * A full sync into a fresh database, and a plain bulkPut of the same rows into another, one after
 * the other: the bulkPut first when asked (and a sync has run before), so that whatever the
 * browser's storage does after the one (flushing, compacting) falls on each in turn.
 */
async function run(pullLimit: number, username: string, bulkPutFirst = false): Promise<SyncBenchResult> {
  const stamp = Date.now();
  const before = bulkPutFirst && lastRows ? await bulkPut(`bench-bulk-${stamp}`, lastRows) : undefined;
  const synced = new SpotterDb(`bench-sync-${stamp}`);
  // What signing in records on a device; the session itself is the cookie the benchmark set.
  await setSignedInAccount(synced, { username });
  const t0 = performance.now();
  const report = await syncOnce(
    synced,
    httpSyncTransport((input, init) => fetch(input, init)),
    { pullLimit },
  );
  const pullSeconds = (performance.now() - t0) / 1000;

  const [workouts, sets] = await Promise.all([synced.workouts.toArray(), synced.sets.toArray()]);
  lastRows = { workouts, sets };
  const plain = before ?? (await bulkPut(`bench-bulk-${stamp}`, lastRows));
  const bulkPutSeconds = plain.seconds;
  await Promise.all([synced.delete(), plain.db.delete()]);
  return {
    rows: report.pulled,
    pullSeconds,
    rowsPerSecond: report.pulled / pullSeconds,
    bulkPutSeconds,
    ratioToBulkPut: pullSeconds / bulkPutSeconds,
  };
}

export function installSyncBench(): void {
  window.__spotterSyncBench = run;
}
