import type { Table } from "dexie";
import { getDb } from "../../db/database";
import { LocalWriteError, toLocalWriteError } from "../../db/errors";
import { notifyLocalWrite } from "../../db/local-writes";
import type { EntityKind, OutboxMutation } from "../../db/records";
import { safeParseRecord, type EntityRecords } from "../../../shared/schemas/entities";

/** English words for the fields a person fills in, so a refusal names what to fix (the page words them from its catalogue). */
const FIELD_WORDS = {
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
} as const;
/** A field a refusal can name; `value` when it is none of these. */
export type InputField = keyof typeof FIELD_WORDS | "value";
const isInputField = (field: string): field is keyof typeof FIELD_WORDS => field in FIELD_WORDS;

/** Why a nutrition write was refused, as a code the page words in the language on screen. */
export type InputRefusal =
  | { reason: "invalid_field"; field: InputField }
  | { reason: "portion_needed" }
  | { reason: "recipe_empty" }
  | { reason: "barcode_taken"; barcode: string; name: string };

/** A refused nutrition write: English message for logs and tests, `refusal` for the page. */
export class NutritionInputError extends LocalWriteError {
  constructor(
    readonly refusal: InputRefusal,
    message: string,
  ) {
    super("invalid_input", message);
  }
}

/** Checks a record against its shared schema; a refusal says which field and why, in words. */
export function validRecord<E extends EntityKind>(entity: E, value: unknown): EntityRecords[E] {
  const result = safeParseRecord(entity, value);
  if (result.ok) return result.record;
  const first = result.error.issues[0];
  const field = first?.path.split(".").at(-1) ?? "";
  const known = isInputField(field) ? field : "value";
  throw new NutritionInputError(
    { reason: "invalid_field", field: known },
    `${known === "value" ? "A value" : FIELD_WORDS[known]}: ${first?.message ?? "not valid."}`,
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
