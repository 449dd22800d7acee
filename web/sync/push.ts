import {
  MAX_PUSH_BYTES,
  MAX_PUSH_MUTATIONS,
  SYNC_SCHEMA_VERSION,
  type Mutation,
} from "../../shared/schemas/sync";
import type { OutboxRow, SpotterDb } from "../db/database";
import { SyncError } from "./sync-error";

const encoder = new TextEncoder();
const byteLength = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

function toMutation(row: OutboxRow): Mutation {
  const { createdAt: _createdAt, id, ...mutation } = row;
  if (id === undefined) throw new SyncError("internal", "An outbox row has no id.");
  return { ...mutation, id };
}

/**
 * The next push body: outbox rows in id order, at most {@link MAX_PUSH_MUTATIONS} of them and at
 * most {@link MAX_PUSH_BYTES} bytes of JSON in all. Null when the outbox is empty.
 */
export async function nextPushBatch(
  db: SpotterDb,
  clientId: string,
): Promise<{ schemaVersion: number; clientId: string; mutations: Mutation[] } | null> {
  const rows = await db.outbox.orderBy("id").limit(MAX_PUSH_MUTATIONS).toArray();
  if (rows.length === 0) return null;
  const body = { schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: [] as Mutation[] };
  // The envelope with no mutations, plus a comma per mutation after the first.
  let bytes = byteLength(body);
  for (const row of rows) {
    const mutation = toMutation(row);
    const size = byteLength(mutation) + (body.mutations.length > 0 ? 1 : 0);
    if (bytes + size > MAX_PUSH_BYTES) break;
    body.mutations.push(mutation);
    bytes += size;
  }
  if (body.mutations.length === 0) {
    throw new SyncError("too_large", "One change is too large to sync; it stays on this device.");
  }
  return body;
}
