import type { SpotterDb } from "../db/database";
import { applyPulledPage, preparePage, type ApplyReport, type PreparedPage } from "./apply-changes";
import { readMeta } from "./meta";
import type { SyncTransport } from "./transport";

/** Stops runaway loops if the server keeps answering without progress. */
const MAX_PAGES = 1000;

type PullAnswer = Awaited<ReturnType<SyncTransport["pull"]>>;
type ReadyPage = PullAnswer & { prepared: PreparedPage };

/**
 * Pulls every page since the stored cursor and applies each in its own transaction (the cursor
 * moves with the page). The next page is fetched, parsed and checked against the schemas while the
 * current one is written, so the network, the validation and IndexedDB's work overlap; a page is
 * still applied only after the one before it.
 */
export async function pullAll(db: SpotterDb, transport: SyncTransport, limit: number): Promise<ApplyReport> {
  const total: ApplyReport = { applied: 0, keptLocal: 0, invalid: 0, keptAside: 0, cascaded: 0 };
  let bookmark = await readMeta(db, "bookmark");
  const fetchPage = (cursor: string | null, mark: string | null): Promise<ReadyPage> =>
    transport
      .pull(cursor, limit, mark)
      .then((answer) => ({ ...answer, prepared: preparePage(answer.result.changes) }));
  let next = fetchPage(await readMeta(db, "cursor"), bookmark);
  for (let page = 0; page < MAX_PAGES; page++) {
    const waitStart = performance.now();
    const answer = await next;
    performance.measure("sync: wait for page", { start: waitStart });
    const { result } = answer;
    bookmark = answer.bookmark ?? bookmark;
    if (result.hasMore) {
      next = fetchPage(result.cursor, bookmark);
      // Not awaited if applying this page fails: its failure must not go unhandled.
      next.catch(() => undefined);
    }
    const applyStart = performance.now();
    const applied = await applyPulledPage(db, answer.prepared, result.cursor, answer.bookmark);
    performance.measure("sync: apply page", { start: applyStart });
    for (const key of Object.keys(total) as (keyof ApplyReport)[]) total[key] += applied[key];
    if (!result.hasMore) break;
  }
  return total;
}
