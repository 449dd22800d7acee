import { getDb } from "./database";
import { LocalWriteError } from "./errors";

/**
 * Removes the training log and sync state from this device (for signing out of a shared device).
 * Refuses while changes are waiting to sync, since they exist nowhere else.
 */
export async function clearLocalLog(): Promise<void> {
  const db = getDb();
  await db.transaction("rw", [...db.syncedTables(), db.outbox, db.meta], async () => {
    const pending = await db.outbox.count();
    if (pending > 0) {
      throw new LocalWriteError(
        "unsynced_changes",
        `${pending} change${pending === 1 ? " has" : "s have"} not synced yet and would be lost. Sync first, or sign out without removing your log.`,
      );
    }
    await Promise.all([...db.syncedTables().map((table) => table.clear()), db.meta.clear()]);
  });
}
