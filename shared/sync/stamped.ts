import type { Stamp } from "./hlc";

type Fields = Record<string, unknown>;

/**
 * A record as sync holds it: its value (null once deleted), the stamp of the change that last wrote
 * each field, and for a tombstone the delete's stamp. A field with a stamp but no value was removed
 * at that stamp. Fields without a stamp (stored before stamps existed) lose to any stamped write.
 */
export interface StampedRecord {
  value: Fields | null;
  stamps: Record<string, Stamp>;
  deleted?: Stamp;
}

/**
 * One change, stamped. A put writes `fields` from `value` (a field absent from `value` is
 * removed); `whole` puts carry the entire record and may create it, partial ones only edit.
 */
export type StampedChange =
  | { op: "put"; value: Fields; fields: readonly string[]; whole: boolean; stamp: Stamp }
  | { op: "delete"; stamp: Stamp };

/** What applying a change gave: the record after it, and whether the change could apply at all. */
export interface StampedResult {
  record: StampedRecord | null;
  /** False for a change to a deleted record and for an edit of a record never created. */
  applied: boolean;
}

/** Orders two values written under one stamp (only arrival stamps can collide): absent lowest. */
const tieKey = (value: unknown): string => (value === undefined ? "" : `v${JSON.stringify(value)}`);

/** Whether a write of `value` at `stamp` beats the field's current `value` at `current`. */
function beats(stamp: Stamp, value: unknown, current: Stamp | undefined, currentValue: unknown): boolean {
  if (current === undefined || stamp > current) return true;
  if (stamp < current) return false;
  return tieKey(value) > tieKey(currentValue);
}

const maxStamp = (a: Stamp | undefined, b: Stamp): Stamp => (a === undefined || b > a ? b : a);

function setField(target: Fields, field: string, value: unknown): void {
  if (value === undefined) delete target[field];
  else target[field] = value;
}

/**
 * Applies one change to a record, per field: a field takes the change's value only if the
 * change's stamp is later than the field's (ties ordered by value, so every order agrees). A delete
 * is final: nothing brings a deleted record back. Pure; `current` is not modified.
 */
export function applyStamped(current: StampedRecord | null, change: StampedChange): StampedResult {
  if (change.op === "delete") {
    return {
      record: { value: null, stamps: {}, deleted: maxStamp(current?.deleted, change.stamp) },
      applied: true,
    };
  }
  if (current?.value === null) return { record: current, applied: false };
  if (current === null) {
    if (!change.whole) return { record: null, applied: false };
    const value: Fields = { ...change.value };
    const stamps: Record<string, Stamp> = {};
    for (const field of change.fields) stamps[field] = change.stamp;
    for (const field of change.fields) setField(value, field, change.value[field]);
    return { record: { value, stamps }, applied: true };
  }
  let value: Fields | null = null;
  let stamps: Record<string, Stamp> | null = null;
  for (const field of change.fields) {
    const incoming = change.value[field];
    if (!beats(change.stamp, incoming, current.stamps[field], current.value[field])) continue;
    value ??= { ...current.value };
    stamps ??= { ...current.stamps };
    setField(value, field, incoming);
    stamps[field] = change.stamp;
  }
  return { record: value && stamps ? { value, stamps } : current, applied: true };
}

/**
 * Joins two states of one record (two replicas): deleted if either is, else per field the later
 * stamp's value. Commutative, associative and idempotent, so replicas that exchange states in any
 * order agree.
 */
export function mergeStamped(a: StampedRecord, b: StampedRecord): StampedRecord {
  if (a.value === null || b.value === null) {
    const deleted = [a.deleted, b.deleted]
      .filter((s): s is Stamp => s !== undefined)
      .sort()
      .at(-1);
    return deleted === undefined ? { value: null, stamps: {} } : { value: null, stamps: {}, deleted };
  }
  const value: Fields = { ...a.value };
  const stamps: Record<string, Stamp> = { ...a.stamps };
  for (const [field, stamp] of Object.entries(b.stamps)) {
    if (!beats(stamp, b.value[field], a.stamps[field], a.value[field])) continue;
    setField(value, field, b.value[field]);
    stamps[field] = stamp;
  }
  // Fields neither side stamped (stored before stamps) keep a's value unless only b has them.
  for (const [field, fieldValue] of Object.entries(b.value)) {
    if (!(field in value) && stamps[field] === undefined) value[field] = fieldValue;
  }
  return { value, stamps };
}

/** The latest stamp a record carries (fields and delete), or undefined for none. */
export function latestStamp(record: StampedRecord): Stamp | undefined {
  let latest = record.deleted;
  for (const stamp of Object.values(record.stamps)) latest = maxStamp(latest, stamp);
  return latest;
}
