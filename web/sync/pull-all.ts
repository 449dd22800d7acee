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
 * The first page asks for at most this many records, so a long first sync starts writing soon;
 * each page after asks for twice as many as the one before, up to the caller's limit: fewer
 * requests (each costs the Worker a session lookup and a query) and fewer, larger IndexedDB
 * transactions, which cost less per record.
 */
export const FIRST_PAGE_LIMIT = 1000;
/** Records fetched ahead of the ones being written: the fetch waits while this many are here. */
const ROWS_AHEAD = 10_000;
/**
 * The most records written in one transaction (a larger page goes alone): a write of the user's
 * own waits for the transaction in progress. Plain IndexedDB in Chromium wrote 10,000 rows as 5
 * transactions of 2,000 as fast as in one.
 */
export const ROWS_PER_WRITE = 5_000;

type PullAnswer = Awaited<ReturnType<SyncTransport["pull"]>>;
type ReadyPage = PullAnswer & { prepared: PreparedPage };

/**
 * Pulls every page since the stored cursor and applies them in order, the cursor moving with
 * them in the same transaction. Pages are fetched one after another (each needs the cursor of the
 * one before, and asks for twice as many records as the one before, from {@link FIRST_PAGE_LIMIT}
 * up to `limit`), parsed and checked against the schemas as they arrive, while the pages already
 * here are written, together in one transaction up to {@link ROWS_PER_WRITE} records. A fetch
 * that fails stops the pull after the pages before it are written. `onWritten` hears how many
 * pulled records are stored so far, after each transaction commits.
 */
export async function pullAll(
  db: SpotterDb,
  transport: SyncTransport,
  limit: number,
  onWritten?: (records: number) => void,
): Promise<ApplyReport> {
  const total: ApplyReport = { applied: 0, keptLocal: 0, invalid: 0, keptAside: 0, cascaded: 0 };
  const ready: ReadyPage[] = [];
  let written = 0;
  let fetchError: { error: unknown } | null = null;
  let done = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const waitForChange = () => new Promise<void>((resolve) => (wake = resolve));
  const rowsReady = () => ready.reduce((sum, page) => sum + page.result.changes.length, 0);

  // Never rejects: whatever fails (the database included) is kept for the caller, after the pages before it.
  const fetchAll = async () => {
    try {
      let bookmark = await readMeta(db, "bookmark");
      let cursor = await readMeta(db, "cursor");
      let pageLimit = Math.min(limit, FIRST_PAGE_LIMIT);
      for (let page = 0; page < MAX_PAGES; page++) {
        while (rowsReady() >= ROWS_AHEAD && !done) await waitForChange();
        if (done) return;
        const fetchStart = performance.now();
        const answer = await transport.pull(cursor, pageLimit, bookmark);
        const checkStart = performance.now();
        performance.measure("sync: fetch page", { start: fetchStart });
        ready.push({ ...answer, prepared: preparePage(answer.result.changes) });
        performance.measure("sync: check page", { start: checkStart });
        notify();
        pageLimit = Math.min(limit, pageLimit * 2);
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
      const batch = ready.splice(0, pagesForOneWrite(ready));
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
      written += batch.reduce((sum, page) => sum + page.result.changes.length, 0);
      onWritten?.(written);
    }
  } finally {
    done = true;
    notify();
    await fetching;
  }
  if (fetchError) throw (fetchError as { error: unknown }).error;
  return total;
}

/** How many of the pages here, from the first, one transaction writes: at least one. */
function pagesForOneWrite(ready: readonly ReadyPage[]): number {
  let rows = 0;
  let pages = 0;
  for (const page of ready) {
    rows += page.result.changes.length;
    if (pages > 0 && rows > ROWS_PER_WRITE) break;
    pages += 1;
  }
  return pages;
}
