import { MAX_PUSH_MUTATIONS, type Mutation } from "../../shared/schemas/sync";
import { ApiRequestError } from "../api/errors";
import type { SpotterDb } from "../db/database";
import { stampPending } from "./clock";
import { clientId, readMeta, writeMeta } from "./meta";
import { nextPushBatch } from "./push";
import { quarantineRows } from "./quarantine";
import { markSent, renumberUnsent, rotateClientId } from "./replay-guard";
import { SyncError } from "./sync-error";
import type { SyncTransport } from "./transport";

/** Stops runaway loops if the server keeps answering without progress. */
const MAX_ROUNDS = 1000;

/** The server refused the push for what is in it (not for who sent it or when). */
const isRefusal = (err: unknown): err is ApiRequestError =>
  err instanceof ApiRequestError && (err.code === "validation_failed" || err.status === 413);

/**
 * Pushes the whole outbox in batches; returns how many changes the server took. A push the server
 * refuses for its content is halved until the one refused change is found, and that change is
 * quarantined: the rest still goes. Any other failure stops with the error.
 */
export async function pushOutbox(db: SpotterDb, transport: SyncTransport): Promise<number> {
  let pushed = 0;
  let maxMutations = MAX_PUSH_MUTATIONS;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    await renumberUnsent(db);
    await stampPending(db);
    const batch = await nextPushBatch(db, await clientId(db), maxMutations);
    if (!batch) return pushed;
    const { mutations } = batch.body;
    const sentBefore = new Set(batch.rows.filter((r) => r.sentAt !== undefined).map((r) => r.id));
    await markSent(db, mutations);
    let answer: Awaited<ReturnType<SyncTransport["push"]>>;
    try {
      answer = await transport.push(batch.body, await readMeta(db, "bookmark"));
    } catch (err) {
      if (!isRefusal(err)) throw err;
      if (mutations.length === 1) {
        // The server names the change by its outbox number, an internal id a person never sees.
        const why = err.message.replace(/^Mutation \d+: /, "");
        await quarantineRows(db, [{ row: batch.rows[0]!, reason: `The server refused it: ${why}` }]);
      } else maxMutations = Math.ceil(mutations.length / 2);
      continue;
    }
    maxMutations = MAX_PUSH_MUTATIONS;
    const { result, bookmark } = answer;
    if (bookmark) await writeMeta(db, "bookmark", bookmark);
    // Ids the server had already seen from this client id but this device never sent: another copy
    // of this device's state used the id. They were not applied; send them again as a new client.
    const reused = new Set(result.skipped.filter((id) => !sentBefore.has(id)));
    if (reused.size > 0) await rotateClientId(db);
    const lastSent = mutations.at(-1)!.id;
    const done = Math.min(result.lastMutationId, lastSent);
    await settlePush(db, mutations, done, reused);
    pushed += mutations.filter((m) => m.id <= done && !reused.has(m.id)).length;
    if (done < lastSent) throw new SyncError("server", "The server did not take all changes; will retry.");
  }
  return pushed;
}

/**
 * Drops pushed rows from the outbox (but not `resend`). Rows the server ignored go too: a change to
 * a record deleted elsewhere (a delete is final), or a set under a deleted workout (the server
 * stored it as a tombstone). The pull that follows brings those tombstones and deletes the records
 * here.
 */
async function settlePush(db: SpotterDb, sent: Mutation[], done: number, resend: Set<number>): Promise<void> {
  await db.outbox.bulkDelete(sent.filter((m) => m.id <= done && !resend.has(m.id)).map((m) => m.id));
}
