import type { SpotterDb } from "../db/database";
import { applyPulledPage, type ApplyReport } from "./apply-changes";
import { readMeta } from "./meta";
import type { SyncTransport } from "./transport";

/** Stops runaway loops if the server keeps answering without progress. */
const MAX_PAGES = 1000;

type PullAnswer = Awaited<ReturnType<SyncTransport["pull"]>>;

/**
 * Pulls every page since the stored cursor and applies each in its own transaction (the cursor
 * moves with the page). The next page is fetched while the current one is applied, so the network
 * and IndexedDB work overlap; a page is still applied only after the one before it.
 */
export async function pullAll(db: SpotterDb, transport: SyncTransport, limit: number): Promise<ApplyReport> {
  const total: ApplyReport = { applied: 0, keptLocal: 0, invalid: 0, keptAside: 0, cascaded: 0 };
  let bookmark = await readMeta(db, "bookmark");
  let next: Promise<PullAnswer> = transport.pull(await readMeta(db, "cursor"), limit, bookmark);
  for (let page = 0; page < MAX_PAGES; page++) {
    const waitStart = performance.now();
    const answer = await next;
    performance.measure("sync: wait for page", { start: waitStart });
    const { result } = answer;
    bookmark = answer.bookmark ?? bookmark;
    if (result.hasMore) {
      next = transport.pull(result.cursor, limit, bookmark);
      // Not awaited if applying this page fails: its failure must not go unhandled.
      next.catch(() => undefined);
    }
    const applyStart = performance.now();
    const applied = await applyPulledPage(db, result.changes, result.cursor, answer.bookmark);
    performance.measure("sync: apply page", { start: applyStart });
    for (const key of Object.keys(total) as (keyof ApplyReport)[]) total[key] += applied[key];
    if (!result.hasMore) break;
  }
  return total;
}
