import type { Table } from "dexie";
import { getDb } from "./database";
import { toLocalWriteError, LocalWriteError } from "./errors";
import { newId } from "./ids";
import { notifyLocalWrite } from "./local-writes";
import { PROFILE_KEY } from "../../shared/schemas/profile";
import { safeParseRecord } from "../../shared/schemas/entities";
import type { AnyRow, EntityKind, OutboxMutation, ProfileRow, SetRow, WorkoutRow } from "./records";

/**
 * Runs `body` in one read-write transaction over `tables` and the outbox, so a change and the
 * outbox row that will sync it commit together or not at all. Resolves only once committed: the UI
 * may say "saved" after this returns.
 */
export async function writeWithOutbox<T>(tables: Table[], body: (queue: Queue) => Promise<T>): Promise<T> {
  const db = getDb();
  try {
    const result = await db.transaction("rw", [...tables, db.outbox], async () => {
      const queue: Queue = (row) => db.outbox.add({ ...row, createdAt: Date.now() });
      return body(queue);
    });
    notifyLocalWrite();
    return result;
  } catch (err) {
    throw toLocalWriteError(err);
  }
}

type Queue = (row: OutboxMutation) => Promise<number>;

/** Checks a record against the shared schema before it is stored, so nothing invalid is saved. */
export function valid<E extends EntityKind>(entity: E, value: AnyRow): AnyRow {
  const result = safeParseRecord(entity, value);
  if (!result.ok) throw new LocalWriteError("invalid_input", result.error.message);
  return result.record;
}

const put = (entity: EntityKind, value: AnyRow) =>
  ({ entity, op: "put", key: value.id, value: { ...value } }) as const;
/** A partial put: the whole record travels, but only `fields` are written (field-level LWW). */
const patch = (entity: EntityKind, value: AnyRow, changed: object) => {
  const fields = Object.keys(changed);
  return { entity, op: "put", key: value.id, value: { ...value }, fields } as const;
};
const remove = (entity: EntityKind, key: string) => ({ entity, op: "delete", key }) as const;

/** Starts a workout now. */
export async function startWorkout(input: { name?: string; nowMs?: number } = {}): Promise<WorkoutRow> {
  const now = input.nowMs ?? Date.now();
  const workout: WorkoutRow = { id: newId(now), startedAt: now, updatedAt: now };
  if (input.name) workout.name = input.name;
  const db = getDb();
  await writeWithOutbox([db.workouts], async (queue) => {
    await db.workouts.add(workout);
    await queue(put("workout", workout));
  });
  return workout;
}

/** Marks a workout finished. */
export async function finishWorkout(id: string, nowMs = Date.now()): Promise<void> {
  const db = getDb();
  await writeWithOutbox([db.workouts], async (queue) => {
    const existing = await db.workouts.get(id);
    if (!existing) throw notFound("workout");
    const fields = { endedAt: nowMs, updatedAt: nowMs };
    const next = { ...existing, ...fields };
    await db.workouts.put(next);
    await queue(patch("workout", next, fields));
  });
}

/** Deletes a workout and its sets. */
export async function deleteWorkout(id: string): Promise<void> {
  const db = getDb();
  await writeWithOutbox([db.workouts, db.sets], async (queue) => {
    const setIds = (await db.sets
      .where("[workoutId+order]")
      .between([id, -Infinity], [id, Infinity])
      .primaryKeys()) as string[];
    for (const setId of setIds) await queue(remove("set", setId));
    await db.sets.bulkDelete(setIds);
    await db.workouts.delete(id);
    await queue(remove("workout", id));
  });
}

/** What the person enters for a set; `id` present means an edit. */
export interface SetInput {
  id?: string;
  workoutId: string;
  exerciseId: string;
  reps: number;
  weightKg: number | null;
  rpe: number | null;
  restMs?: number | null;
  source?: SetRow["source"];
  repForm?: SetRow["repForm"];
  durationMs?: number | null;
}

/** Adds a set to a workout, or edits one (sending only the fields that changed). */
export async function saveSet(input: SetInput, nowMs = Date.now()): Promise<SetRow> {
  const db = getDb();
  return writeWithOutbox([db.workouts, db.sets], async (queue) => {
    if (!(await db.workouts.get(input.workoutId))) throw notFound("workout");
    const existing = input.id ? await db.sets.get(input.id) : undefined;
    if (existing) {
      const { id: _id, ...edits } = input;
      const fields = changedFields(existing, { ...edits, updatedAt: nowMs });
      const next = valid("set", { ...existing, ...fields }) as SetRow;
      await db.sets.put(next);
      await queue(patch("set", next, fields));
      return next;
    }
    const order = await nextOrder(input.workoutId);
    const set = valid("set", {
      id: input.id ?? newId(nowMs),
      workoutId: input.workoutId,
      exerciseId: input.exerciseId,
      order,
      performedAt: nowMs,
      reps: input.reps,
      weightKg: input.weightKg,
      rpe: input.rpe,
      restMs: input.restMs ?? null,
      source: input.source ?? "manual",
      repForm: input.repForm ?? [],
      ...(input.durationMs === undefined ? {} : { durationMs: input.durationMs }),
      updatedAt: nowMs,
    } satisfies SetRow) as SetRow;
    await db.sets.add(set);
    await queue(put("set", set));
    return set;
  });
}

/** Deletes one set. */
export async function deleteSet(id: string): Promise<void> {
  const db = getDb();
  await writeWithOutbox([db.sets], async (queue) => {
    if (!(await db.sets.get(id))) throw notFound("set");
    await db.sets.delete(id);
    await queue(remove("set", id));
  });
}

/** What a new profile starts as, before the person changes anything. */
export const DEFAULT_PROFILE: Omit<ProfileRow, "updatedAt"> = {
  id: PROFILE_KEY,
  units: "kg",
  heightCm: null,
  weightKg: null,
  birthYear: null,
  sex: "unspecified",
  goal: "general_fitness",
  experience: "beginner",
  equipment: [],
  trainingDays: 3,
};

/** Saves profile fields locally (then they sync). */
export async function saveProfile(
  fields: Partial<Omit<ProfileRow, "id" | "updatedAt">>,
  nowMs = Date.now(),
): Promise<ProfileRow> {
  const db = getDb();
  return writeWithOutbox([db.profiles], async (queue) => {
    const existing = await db.profiles.get(PROFILE_KEY);
    const base = existing ?? { ...DEFAULT_PROFILE, updatedAt: nowMs };
    const changed = changedFields(base, { ...fields, updatedAt: nowMs });
    const next = valid("profile", { ...base, ...changed }) as ProfileRow;
    await db.profiles.put(next);
    await queue(existing ? patch("profile", next, changed) : put("profile", next));
    return next;
  });
}

async function nextOrder(workoutId: string): Promise<number> {
  const last = await getDb()
    .sets.where("[workoutId+order]")
    .between([workoutId, -Infinity], [workoutId, Infinity])
    .last();
  return (last?.order ?? -1) + 1;
}

function changedFields<T extends object>(before: T, after: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (key === "id" || after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out;
}

function notFound(what: string): LocalWriteError {
  return new LocalWriteError("not_found", `That ${what} is no longer on this device.`);
}
