import * as v from "valibot";
import type { SpotterDb } from "../db/database";
import { ownedTables, switchOwner } from "./owner";

const MetaSchemas = {
  clientId: v.string(),
  cursor: v.string(),
  bookmark: v.string(),
  lastSyncAt: v.number(),
  /** Who this device last knew to be signed in; absent or null when nobody is. */
  account: v.nullable(v.object({ username: v.string() })),
  /** The highest mutation id this device ever sent: outbox ids are never reused below it. */
  highestMutationId: v.number(),
  /** Whose data the local tables hold: the account's username, or null for nobody (never signed in). */
  owner: v.nullable(v.string()),
  /** This device's hybrid logical clock (shared/sync/hlc.ts): its last reading and node id. */
  clock: v.object({ wallMs: v.number(), counter: v.number(), node: v.string() }),
};

/** Facts about sync kept on this device. */
export type SyncMeta = { [K in keyof typeof MetaSchemas]: v.InferOutput<(typeof MetaSchemas)[K]> };
type MetaKey = keyof SyncMeta;

/** A stored fact, or null when absent or not in the expected shape (then it is rebuilt). */
export async function readMeta<K extends MetaKey>(db: SpotterDb, key: K): Promise<SyncMeta[K] | null> {
  const row = await db.meta.get(key);
  if (!row) return null;
  const parsed = v.safeParse(MetaSchemas[key], row.value);
  return parsed.success ? (parsed.output as SyncMeta[K]) : null;
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
    if (existing !== null) return existing;
    const id = crypto.randomUUID();
    await writeMeta(db, "clientId", id);
    return id;
  });
}

/** Who this device last knew to be signed in, or null. */
export const readSignedInAccount = (db: SpotterDb) => readMeta(db, "account");

/**
 * Records who is signed in and forgets the sync position and client identity: the next account
 * pulls from the start and the server sees a new client. The local data follows its owner: what
 * nobody logged goes to the first account, and another account's data is set aside for it
 * ({@link switchOwner}), never shown to this one nor pushed into it.
 */
export async function setSignedInAccount(db: SpotterDb, account: SyncMeta["account"]): Promise<void> {
  await db.transaction("rw", [db.meta, db.held, ...ownedTables(db)], async () => {
    await db.meta.bulkDelete(["clientId", "cursor", "bookmark"] satisfies MetaKey[]);
    // Before the account is written: an install from before owners reads its owner from it.
    if (account) await switchOwner(db, account.username);
    await writeMeta(db, "account", account);
  });
}
