import { getDb } from "./database";
import { LocalWriteError } from "./errors";

/**
 * Removes the training log and sync state from this device (for signing out of a shared device).
 * Refuses while changes are waiting to sync, since they exist nowhere else.
 */
export async function clearLocalLog(): Promise<void> {
  const db = getDb();
  const tables = [...db.syncedTables(), db.outbox, db.meta, db.quarantine, db.unparsed, db.planCheckpoints];
  await db.transaction("rw", tables, async () => {
    const pending = await db.outbox.count();
    if (pending > 0) {
      throw new LocalWriteError(
        "unsynced_changes",
        `${pending} change${pending === 1 ? " has" : "s have"} not synced yet and would be lost. Sync first, or sign out without removing your log.`,
      );
    }
    await Promise.all([
      ...[...db.syncedTables(), db.quarantine, db.unparsed, db.planCheckpoints].map((table) => table.clear()),
      // Everything but the highest mutation id sent: ids are never reused, even after a clear.
      db.meta.where("key").notEqual("highestMutationId").delete(),
    ]);
  });
}
