import type { Mutation } from "../../shared/schemas/sync";
import type { SpotterDb } from "../db/database";
import { readMeta, writeMeta } from "./meta";

/**
 * Gives outbox rows that never went out ids above every mutation id this device has sent, so an id
 * is never reused (the outbox table can restart its ids: a restored profile, a migration that
 * recreates it). Rows keep their order; already-sent rows keep their ids, since re-sending them
 * under the same id is what makes a lost answer harmless.
 */
export async function renumberUnsent(db: SpotterDb): Promise<void> {
  await db.transaction("rw", db.outbox, db.meta, async () => {
    const highest = (await readMeta(db, "highestMutationId")) ?? 0;
    const reused = await db.outbox
      .where("id")
      .belowOrEqual(highest)
      .filter((row) => row.sentAt === undefined)
      .first();
    if (!reused) return;
    const unsent = await db.outbox.filter((row) => row.sentAt === undefined).sortBy("id");
    const top = (await db.outbox.orderBy("id").lastKey()) ?? 0;
    let next = Math.max(highest, Number(top)) + 1;
    await db.outbox.bulkDelete(unsent.map((row) => row.id!));
    // Explicit ids: IndexedDB's key generator then continues above them for later writes too.
    for (const row of unsent) await db.outbox.add({ ...row, id: next++ });
  });
}

/** Notes that `mutations` are about to go out: the highest id ever sent only grows. */
export async function markSent(db: SpotterDb, mutations: readonly Mutation[], nowMs = Date.now()) {
  const ids = mutations.map((m) => m.id);
  await db.transaction("rw", db.outbox, db.meta, async () => {
    const highest = (await readMeta(db, "highestMutationId")) ?? 0;
    await writeMeta(db, "highestMutationId", Math.max(highest, ...ids));
    await db.outbox
      .where("id")
      .anyOf(ids)
      .filter((row) => row.sentAt === undefined)
      .modify({ sentAt: nowMs });
  });
}

/**
 * Takes a new client id. Called when the server says it already saw ids this device never sent:
 * another copy of this device's state used the same client id, so those ids mean nothing there.
 */
export async function rotateClientId(db: SpotterDb): Promise<string> {
  const id = crypto.randomUUID();
  await writeMeta(db, "clientId", id);
  return id;
}
