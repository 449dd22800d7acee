import Dexie, { type Table } from "dexie";
import type { PerfKind, PerfSample } from "./perf-sample";

/** Samples kept on the device; older ones are trimmed on write. */
export const PERF_SAMPLE_CAP = 5000;
/** Posted on this channel after each write, so open Performance pages redraw without polling hard. */
export const PERF_CHANNEL = "spotter-perf";

/** Its own database, so device metrics never touch the app's schema in web/db/. */
export class PerfDb extends Dexie {
  samples!: Table<PerfSample, number>;

  constructor(name = "spotter-perf") {
    super(name);
    this.version(1).stores({ samples: "++id, [kind+atMs], atMs" });
  }
}

/** Adds samples, then deletes the oldest beyond `cap`. */
export async function writeSamples(db: PerfDb, samples: PerfSample[], cap = PERF_SAMPLE_CAP): Promise<void> {
  if (samples.length === 0) return;
  await db.transaction("rw", db.samples, async () => {
    await db.samples.bulkAdd(samples);
    const excess = (await db.samples.count()) - cap;
    if (excess > 0) {
      const oldest = await db.samples.orderBy(":id").limit(excess).primaryKeys();
      await db.samples.bulkDelete(oldest);
    }
  });
}

/** The latest `limit` samples of one kind, oldest first. */
export async function recentSamples(db: PerfDb, kind: PerfKind, limit = 300): Promise<PerfSample[]> {
  const newestFirst = await db.samples
    .where("[kind+atMs]")
    .between([kind, Dexie.minKey], [kind, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
  return newestFirst.reverse();
}

let shared: PerfDb | undefined;
/** The page's one handle on the perf database. */
export const perfDb = (): PerfDb => (shared ??= new PerfDb());
