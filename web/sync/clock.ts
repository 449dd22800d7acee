import {
  encodeStamp,
  newClock,
  randomNode,
  receive,
  tick,
  type Hlc,
  type Stamp,
} from "../../shared/sync/hlc";
import type { OutboxRow, SpotterDb } from "../db/database";
import { readMeta, writeMeta } from "./meta";

/** This device's clock, made (with a new node id) on first use. Call inside a transaction over meta. */
async function readClock(db: SpotterDb): Promise<Hlc> {
  return (await readMeta(db, "clock")) ?? newClock(randomNode());
}

/**
 * Stamps every outbox row that has no stamp yet, in outbox order, with its `createdAt` as the wall
 * time. Called before a push and before any pulled stamp moves the clock, so a row's stamp is the
 * one it would have had at the moment of the change. Returns the whole outbox, stamped. Runs in
 * the caller's transaction when there is one (it needs the outbox and meta).
 */
export async function stampPending(db: SpotterDb): Promise<OutboxRow[]> {
  return db.transaction("rw", db.outbox, db.meta, async () => {
    const rows = await db.outbox.toArray();
    const unstamped = rows.filter((row) => row.stamp === undefined);
    if (unstamped.length === 0) return rows;
    let clock = await readClock(db);
    for (const row of unstamped) {
      clock = tick(clock, row.createdAt);
      row.stamp = encodeStamp(clock);
    }
    await db.outbox.bulkPut(unstamped);
    await writeMeta(db, "clock", clock);
    return rows;
  });
}

/** Moves the clock up to the latest stamp pulled, so this device's next changes come after it. */
export async function receiveStamp(db: SpotterDb, latest: Stamp | undefined): Promise<void> {
  if (latest === undefined) return;
  await db.transaction("rw", db.meta, async () => {
    const clock = await readClock(db);
    const next = receive(clock, latest);
    if (next !== clock || (await readMeta(db, "clock")) === null) await writeMeta(db, "clock", next);
  });
}
