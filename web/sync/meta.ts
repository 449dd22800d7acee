import type { SpotterDb } from "../db/database";

/** Facts about sync kept on this device. */
export interface SyncMeta {
  clientId: string;
  cursor: string | null;
  bookmark: string | null;
  lastSyncAt: number | null;
}

type MetaKey = keyof SyncMeta;

export async function readMeta<K extends MetaKey>(db: SpotterDb, key: K): Promise<SyncMeta[K] | null> {
  const row = await db.meta.get(key);
  return row ? (row.value as SyncMeta[K]) : null;
}

export async function writeMeta<K extends MetaKey>(db: SpotterDb, key: K, value: SyncMeta[K]): Promise<void> {
  await db.meta.put({ key, value });
}

/**
 * This install's stable client id, made on first use. The server remembers the last mutation id it
 * applied per client, which is what makes a replayed push harmless.
 */
export async function clientId(db: SpotterDb): Promise<string> {
  return db.transaction("rw", db.meta, async () => {
    const existing = await readMeta(db, "clientId");
    if (typeof existing === "string") return existing;
    const id = crypto.randomUUID();
    await writeMeta(db, "clientId", id);
    return id;
  });
}

/**
 * Forgets the sync position and client identity (on sign-in or sign-out): the next account pulls
 * from the start and the server sees a new client. Unsynced local changes stay in the outbox.
 */
export async function resetSyncIdentity(db: SpotterDb): Promise<void> {
  await db.meta.bulkDelete(["clientId", "cursor", "bookmark"] satisfies MetaKey[]);
}
