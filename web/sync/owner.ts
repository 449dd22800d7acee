import type { Table } from "dexie";
import { TABLE_FOR_ENTITY, type SpotterDb } from "../db/database";
import { readMeta, writeMeta } from "./meta";

/** Every local table holding one owner's data: the records, and their sync state. */
export function ownedTables(db: SpotterDb): Table[] {
  const names = [...Object.values(TABLE_FOR_ENTITY), "outbox", "quarantine", "unparsed"];
  return names.map((name) => db.table(name));
}

/** Whose data the local tables hold (an install from before owners: whoever was signed in). */
export async function currentOwner(db: SpotterDb): Promise<string | null> {
  return (await readMeta(db, "owner")) ?? (await readMeta(db, "account"))?.username ?? null;
}

/** Changes of `owner` that exist nowhere else: waiting to sync or set aside. */
async function unsyncedCount(db: SpotterDb): Promise<number> {
  return (await db.outbox.count()) + (await db.quarantine.count());
}

/**
 * Makes the local tables `username`'s. Data nobody owns (logged before any sign-in) becomes theirs.
 * Another account's data leaves the tables: kept aside for that account when it has changes the
 * server does not have yet (until it signs in here again or someone discards them), dropped when
 * it has none (it is all on the server). Then this account's own set-aside data comes back.
 * Runs inside the caller's transaction over meta, held and {@link ownedTables}.
 */
export async function switchOwner(db: SpotterDb, username: string): Promise<void> {
  const previous = await currentOwner(db);
  await writeMeta(db, "owner", username);
  if (previous === username) return;
  if (previous !== null) await setAside(db, previous);
  // Also after nobody: the log may have been removed from this device since it was set aside.
  await restoreHeld(db, username);
}

async function setAside(db: SpotterDb, owner: string): Promise<void> {
  const tables = ownedTables(db);
  if ((await unsyncedCount(db)) > 0) {
    for (const table of tables) {
      const rows = await table.toArray();
      await db.held.bulkAdd(rows.map((row: unknown) => ({ owner, table: table.name, row })));
    }
  }
  await Promise.all(tables.map((table) => table.clear()));
}

async function restoreHeld(db: SpotterDb, owner: string): Promise<void> {
  const held = await db.held.where("owner").equals(owner).toArray();
  for (const { table, row } of held) {
    if (table === "outbox") {
      // A fresh id and no sent mark: it goes out under this sign-in's new client id.
      const { id: _id, sentAt: _sentAt, ...change } = row as Record<string, unknown>;
      await db.table(table).add(change);
    } else await db.table(table).put(row);
  }
  await db.held.where("owner").equals(owner).delete();
}

/** How many unsynced changes of other accounts are set aside on this device. */
export async function heldChangeCount(db: SpotterDb): Promise<number> {
  const owner = await currentOwner(db);
  return db.held
    .filter((h) => h.owner !== owner && (h.table === "outbox" || h.table === "quarantine"))
    .count();
}

/** The explicit choice on a shared device: drop other accounts' set-aside data for good. */
export async function discardHeld(db: SpotterDb): Promise<void> {
  await db.transaction("rw", db.held, db.meta, async () => {
    const owner = await currentOwner(db);
    await db.held.filter((h) => h.owner !== owner).delete();
  });
}
