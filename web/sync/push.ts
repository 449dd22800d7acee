import {
  MAX_PUSH_BYTES,
  MAX_PUSH_MUTATIONS,
  SYNC_SCHEMA_VERSION,
  type Mutation,
  type PushRequest,
} from "../../shared/schemas/sync";
import { checkMutation, planPushBatches, utf8ByteLength } from "../../shared/sync/push";
import type { OutboxRow, SpotterDb } from "../db/database";
import { quarantineRows, type Refusal } from "./quarantine";
import { SyncError } from "./sync-error";

function toMutation(row: OutboxRow): Mutation {
  const { createdAt: _createdAt, sentAt: _sentAt, id, ...mutation } = row;
  if (id === undefined) throw new SyncError("internal", "An outbox row has no id.");
  return { ...mutation, id };
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** The next push and the outbox rows it carries. */
export interface PushBatch {
  body: PushRequest;
  rows: OutboxRow[];
}

/**
 * The next push body: outbox rows in id order, at most `maxMutations` of them and at most
 * {@link MAX_PUSH_BYTES} bytes of JSON in all. Null when the outbox is empty. A row the server
 * would refuse (invalid, or too large for any push) is quarantined first, so it cannot hold back
 * the rows after it.
 */
export async function nextPushBatch(
  db: SpotterDb,
  clientId: string,
  maxMutations = MAX_PUSH_MUTATIONS,
): Promise<PushBatch | null> {
  for (;;) {
    const rows = await db.outbox.orderBy("id").limit(maxMutations).toArray();
    if (rows.length === 0) return null;
    const refused: Refusal[] = [];
    const byId = new Map<number, OutboxRow>();
    const mutations: Mutation[] = [];
    for (const row of rows) {
      const mutation = toMutation(row);
      const checked = checkMutation(mutation);
      if (!checked.ok) refused.push({ row, reason: `It is not valid: ${checked.message}` });
      else {
        mutations.push(mutation);
        byId.set(mutation.id, row);
      }
    }
    const { batches, tooLarge } = planPushBatches(mutations, { maxMutations, maxBytes: MAX_PUSH_BYTES });
    for (const m of tooLarge) {
      const size = kb(utf8ByteLength(JSON.stringify(m)));
      refused.push({
        row: byId.get(m.id)!,
        reason: `It is too large to sync (${size}; at most ${kb(MAX_PUSH_BYTES)}).`,
      });
    }
    if (refused.length > 0) {
      await quarantineRows(db, refused);
      continue;
    }
    const batch = batches[0] ?? [];
    return {
      body: { schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: batch },
      rows: batch.map((m) => byId.get(m.id)!),
    };
  }
}
