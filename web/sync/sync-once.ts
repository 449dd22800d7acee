import { DEFAULT_PULL_LIMIT, type Mutation } from "../../shared/schemas/sync";
import type { SpotterDb } from "../db/database";
import { ApiRequestError } from "../api/errors";
import { applyPulledPage } from "./apply-changes";
import { clientId, readMeta, writeMeta } from "./meta";
import { nextPushBatch } from "./push";
import { SyncError } from "./sync-error";
import type { SyncTransport } from "./transport";

/** What one sync did. */
export interface SyncReport {
  pushed: number;
  pulled: number;
  keptLocal: number;
  invalid: number;
}

/** Stops runaway loops if the server keeps answering without progress. */
const MAX_ROUNDS = 1000;

/**
 * One full sync: push the outbox in batches, then pull every page since the stored cursor. Stops
 * with a {@link SyncError} on the first failure; what was pushed or applied so far stays done.
 */
export async function syncOnce(
  db: SpotterDb,
  transport: SyncTransport,
  options: { pullLimit?: number; nowMs?: () => number } = {},
): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, pulled: 0, keptLocal: 0, invalid: 0 };
  try {
    if (!(await readMeta(db, "account"))) {
      throw new SyncError("signed_out", "Not signed in: your log is kept on this device.");
    }
    const id = await clientId(db);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const batch = await nextPushBatch(db, id);
      if (!batch) break;
      const { result, bookmark } = await transport.push(batch, await readMeta(db, "bookmark"));
      if (bookmark) await writeMeta(db, "bookmark", bookmark);
      const lastSent = batch.mutations.at(-1)!.id;
      // The server has applied everything up to lastMutationId (earlier ones on a replay).
      const done = Math.min(result.lastMutationId, lastSent);
      await settlePush(db, batch.mutations, done, new Set(result.ignored));
      report.pushed += batch.mutations.filter((m) => m.id <= done).length;
      if (done < lastSent) throw new SyncError("server", "The server did not take all changes; will retry.");
    }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const cursor = await readMeta(db, "cursor");
      const limit = options.pullLimit ?? DEFAULT_PULL_LIMIT;
      const { result, bookmark } = await transport.pull(cursor, limit, await readMeta(db, "bookmark"));
      if (bookmark) await writeMeta(db, "bookmark", bookmark);
      const applied = await applyPulledPage(db, result.changes, result.cursor);
      report.pulled += applied.applied;
      report.keptLocal += applied.keptLocal;
      report.invalid += applied.invalid;
      if (!result.hasMore) break;
    }
    await writeMeta(db, "lastSyncAt", (options.nowMs ?? Date.now)());
    return report;
  } catch (err) {
    const syncError = toSyncError(err);
    // The session ended (signed out elsewhere, or this device was revoked): stop trying until sign-in.
    if (syncError.code === "signed_out") await writeMeta(db, "account", null);
    throw syncError;
  }
}

/**
 * Drops pushed rows from the outbox. A field edit the server ignored (the record was deleted
 * elsewhere) is queued again as a whole record: the person's edit wins over the remote delete
 * rather than vanishing, and every device then converges on the record.
 */
async function settlePush(
  db: SpotterDb,
  sent: Mutation[],
  done: number,
  ignored: Set<number>,
): Promise<void> {
  const tables = [db.outbox, ...db.syncedTables()];
  await db.transaction("rw", tables, async () => {
    await db.outbox.where("id").belowOrEqual(done).delete();
    for (const m of sent) {
      if (m.id > done || !ignored.has(m.id) || m.op !== "put" || !m.fields) continue;
      const local = await db.tableFor(m.entity).get(m.key);
      if (local)
        await db.outbox.add({
          entity: m.entity,
          op: "put",
          key: m.key,
          value: { ...local },
          createdAt: Date.now(),
        });
    }
  });
}

function toSyncError(err: unknown): SyncError {
  if (err instanceof SyncError) return err;
  if (err instanceof ApiRequestError) {
    if (err.code === "network")
      return new SyncError("offline", "Offline: changes are saved here and will sync later.");
    if (err.code === "unsupported_schema_version") {
      return new SyncError(
        "unsupported_schema_version",
        "Update Spotter to keep syncing. Your changes are kept on this device.",
      );
    }
    if (err.status === 401) {
      return new SyncError(
        "signed_out",
        "Signed out: sign in again to sync. Your log is kept on this device.",
      );
    }
    return new SyncError("server", `Sync failed: ${err.message}`, { cause: err });
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new SyncError("internal", `Sync failed: ${detail}`, { cause: err });
}
