import type { Table } from "dexie";
import { getDb } from "../../db/database";
import { LocalWriteError, toLocalWriteError } from "../../db/errors";
import { notifyLocalWrite } from "../../db/local-writes";
import type { EntityKind, OutboxMutation } from "../../db/records";
import { safeParseRecord, type EntityRecords } from "../../../shared/schemas/entities";

/** Words for the fields a person fills in, so a refusal names what to fix. */
const FIELD_WORDS: Record<string, string> = {
  name: "Name",
  grams: "Amount",
  barcode: "Barcode",
  energyKcal: "Energy",
  proteinG: "Protein",
  fatG: "Fat",
  carbG: "Carbohydrate",
  fiberG: "Fibre",
  sugarG: "Sugars",
  saturatedFatG: "Saturated fat",
  sodiumMg: "Sodium",
  label: "Portion name",
  weightKg: "Body weight",
};

/** Checks a record against its shared schema; a refusal says which field and why, in words. */
export function validRecord<E extends EntityKind>(entity: E, value: unknown): EntityRecords[E] {
  const result = safeParseRecord(entity, value);
  if (result.ok) return result.record;
  const first = result.error.issues[0];
  const field = first?.path.split(".").at(-1) ?? "";
  throw new LocalWriteError(
    "invalid_input",
    `${FIELD_WORDS[field] ?? "A value"}: ${first?.message ?? "not valid."}`,
  );
}

type Queue = (row: OutboxMutation) => Promise<number>;

/**
 * Runs `body` in one transaction over `tables` and the outbox, so a change and the outbox row that
 * syncs it commit together (the same contract as the training log's writes in web/db).
 */
export async function writeWithOutbox<T>(tables: Table[], body: (queue: Queue) => Promise<T>): Promise<T> {
  const db = getDb();
  try {
    const result = await db.transaction("rw", [...tables, db.outbox], async () =>
      body((row) => db.outbox.add({ ...row, createdAt: Date.now() })),
    );
    notifyLocalWrite();
    return result;
  } catch (err) {
    throw toLocalWriteError(err);
  }
}

/** The outbox row putting a whole record. */
export const putRow = <E extends EntityKind>(entity: E, value: EntityRecords[E]): OutboxMutation => ({
  entity,
  op: "put",
  key: value.id,
  value: { ...value },
});

/** The outbox row deleting a record. */
export const deleteRow = (entity: EntityKind, key: string): OutboxMutation => ({ entity, op: "delete", key });
