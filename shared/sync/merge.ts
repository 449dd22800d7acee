import * as v from "valibot";
import { ENTITY_DEFINITIONS, type EntityKind } from "../schemas/entities";

type Fields = Record<string, unknown>;

/** What a partial put writes: fields to set (null included) and optional fields to remove. */
export interface FieldPatch {
  set: Fields;
  remove: string[];
}

/**
 * Applies one put to a stored record, last writer wins per field in server order: a put without
 * `fields` replaces the record; with `fields`, only those fields are taken from `value` (a field
 * absent from `value` is removed). A partial put on a missing or deleted record changes nothing
 * (returns null): there is nothing to patch.
 */
export function mergePut(current: Fields | null, value: Fields, fields?: readonly string[]): Fields | null {
  if (fields === undefined) return { ...value };
  if (current === null) return null;
  const next: Fields = { ...current };
  for (const field of fields) {
    if (value[field] === undefined) delete next[field];
    else next[field] = value[field];
  }
  return next;
}

/**
 * Validates the fields of a partial put against the entity's schema, field by field, and returns
 * the patch to apply. `id` and unknown fields are refused.
 */
export function safeParseFields(
  entity: EntityKind,
  value: Fields,
  fields: readonly string[],
): { ok: true; patch: FieldPatch } | { ok: false; field: string; message: string } {
  const entries: Record<string, v.GenericSchema> = ENTITY_DEFINITIONS[entity].schema.entries;
  const patch: FieldPatch = { set: {}, remove: [] };
  for (const field of new Set(fields)) {
    const schema = field === "id" || !Object.hasOwn(entries, field) ? undefined : entries[field];
    if (schema === undefined) return { ok: false, field, message: `Field "${field}" cannot be updated.` };
    const result = v.safeParse(schema, value[field]);
    if (!result.success) return { ok: false, field, message: result.issues[0].message };
    if (result.output === undefined) patch.remove.push(field);
    else patch.set[field] = result.output;
  }
  return { ok: true, patch };
}
