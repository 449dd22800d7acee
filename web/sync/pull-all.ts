import type { SpotterDb } from "../db/database";
import {
  applyPulledPage,
  joinPrepared,
  preparePage,
  type ApplyReport,
  type PreparedPage,
} from "./apply-changes";
import { readMeta } from "./meta";
import type { SyncTransport } from "./transport";

/** Stops runaway loops if the server keeps answering without progress. */
const MAX_PAGES = 1000;
/**
 * Pages fetched ahead of the one being written, and the most written in one transaction: fewer,
 * larger transactions cost IndexedDB less (10 of 1,000 rows took about 1.4× one of 10,000 in
 * Chromium, 5 of 2,000 about the same as one), and the bound keeps memory in check.
 */
const PAGES_AHEAD = 3;

type PullAnswer = Awaited<ReturnType<SyncTransport["pull"]>>;
type ReadyPage = PullAnswer & { prepared: PreparedPage };

/**
 * Pulls every page since the stored cursor and applies them in order, the cursor moving with
 * them in the same transaction. Pages are fetched one after another (each needs the cursor of the
 * one before), parsed and checked against the schemas as they arrive, while the pages already
 * here are written: all of those in one transaction, up to {@link PAGES_AHEAD}. A fetch that fails
 * stops the pull after the pages before it are written.
 */
export async function pullAll(db: SpotterDb, transport: SyncTransport, limit: number): Promise<ApplyReport> {
  const total: ApplyReport = { applied: 0, keptLocal: 0, invalid: 0, keptAside: 0, cascaded: 0 };
  const ready: ReadyPage[] = [];
  let fetchError: { error: unknown } | null = null;
  let done = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const waitForChange = () => new Promise<void>((resolve) => (wake = resolve));

  // Never rejects: whatever fails (the database included) is kept for the caller, after the pages before it.
  const fetchAll = async () => {
    try {
      let bookmark = await readMeta(db, "bookmark");
      let cursor = await readMeta(db, "cursor");
      for (let page = 0; page < MAX_PAGES; page++) {
        while (ready.length >= PAGES_AHEAD && !done) await waitForChange();
        if (done) return;
        const answer = await transport.pull(cursor, limit, bookmark);
        ready.push({ ...answer, prepared: preparePage(answer.result.changes) });
        notify();
        bookmark = answer.bookmark ?? bookmark;
        cursor = answer.result.cursor;
        if (!answer.result.hasMore) return;
      }
    } catch (error) {
      fetchError = { error };
    } finally {
      done = true;
      notify();
    }
  };
  const fetching = fetchAll();

  try {
    for (;;) {
      const waitStart = performance.now();
      while (ready.length === 0 && !done) await waitForChange();
      performance.measure("sync: wait for page", { start: waitStart });
      if (ready.length === 0) break;
      const batch = ready.splice(0, PAGES_AHEAD);
      notify(); // room to fetch ahead again
      const last = batch.at(-1)!;
      const applyStart = performance.now();
      const applied = await applyPulledPage(
        db,
        joinPrepared(batch.map((page) => page.prepared)),
        last.result.cursor,
        // The newest bookmark any of these pages brought.
        batch.reduceRight<string | null>((found, page) => found ?? page.bookmark, null),
      );
      performance.measure("sync: apply page", { start: applyStart });
      for (const key of Object.keys(total) as (keyof ApplyReport)[]) total[key] += applied[key];
    }
  } finally {
    done = true;
    notify();
    await fetching;
  }
  if (fetchError) throw (fetchError as { error: unknown }).error;
  return total;
}
