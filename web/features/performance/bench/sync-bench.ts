// `/performance?bench=sync` installs `window.__spotterSyncBench` for `npm run bench` (scripts/bench):
// a full pull through the app's own sync client into a fresh IndexedDB database, then a plain
// Dexie bulkPut of the same rows into another one, in the same page.
import { SpotterDb } from "../../../db/database";
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
    __spotterSyncBench?: (pullLimit: number, username: string) => Promise<SyncBenchResult>;
  }
}

async function run(pullLimit: number, username: string): Promise<SyncBenchResult> {
  const stamp = Date.now();
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
  const plain = new SpotterDb(`bench-bulk-${stamp}`);
  await plain.open();
  const t1 = performance.now();
  await plain.transaction("rw", plain.workouts, plain.sets, async () => {
    await plain.workouts.bulkPut(workouts);
    await plain.sets.bulkPut(sets);
  });
  const bulkPutSeconds = (performance.now() - t1) / 1000;
  await Promise.all([synced.delete(), plain.delete()]);
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
