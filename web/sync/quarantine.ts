import type { OutboxRow, SpotterDb } from "../db/database";
import type { QuarantineRow } from "../db/sync-tables";

/** A refused outbox row and why, in words. */
export interface Refusal {
  row: OutboxRow;
  reason: string;
}

/**
 * Moves outbox rows the server refuses (or would refuse) into quarantine, in one transaction: they
 * are kept, never deleted, and no longer hold back the changes queued after them.
 */
export async function quarantineRows(
  db: SpotterDb,
  refusals: readonly Refusal[],
  nowMs = Date.now(),
): Promise<void> {
  if (refusals.length === 0) return;
  await db.transaction("rw", db.outbox, db.quarantine, async () => {
    for (const { row, reason } of refusals) {
      if (row.id === undefined) continue;
      await db.quarantine.put({ ...row, id: row.id, reason, quarantinedAt: nowMs });
      await db.outbox.delete(row.id);
    }
  });
}

/** Changes set aside, oldest first. */
export const listQuarantined = (db: SpotterDb): Promise<QuarantineRow[]> =>
  db.quarantine.orderBy("id").toArray();

/** Drops a set-aside change for good: the person chose not to sync it. */
export async function discardQuarantined(db: SpotterDb, id: number): Promise<void> {
  await db.quarantine.delete(id);
}

/**
 * Puts a set-aside change back in the outbox (for a server that refused it by mistake, since
 * fixed). It takes a fresh id, after every change queued since: it is a new change now.
 */
export async function retryQuarantined(db: SpotterDb, id: number): Promise<void> {
  await db.transaction("rw", db.outbox, db.quarantine, async () => {
    const row = await db.quarantine.get(id);
    if (!row) return;
    const { id: _id, sentAt: _sentAt, reason: _reason, quarantinedAt: _at, ...change } = row;
    await db.outbox.add(change);
    await db.quarantine.delete(id);
  });
}
