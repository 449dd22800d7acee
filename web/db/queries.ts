import { safeParseRecord } from "../../shared/schemas/entities";
import { PROFILE_KEY } from "../../shared/schemas/profile";
import { getDb } from "./database";
import { InvalidRecordError } from "./errors";
import type { EntityKind, ProfileRow, SetRow, WorkoutRow } from "./records";
import type { EntityRecords } from "../../shared/schemas/entities";
import { DEFAULT_PROFILE } from "./repository";

type ProblemListener = (problems: readonly InvalidRecordError[]) => void;
const problems = new Map<string, InvalidRecordError>();
const problemListeners = new Set<ProblemListener>();

/** Stored records that failed validation on read: shown to the person, never used as if valid. */
export function onInvalidRecords(listener: ProblemListener): () => void {
  problemListeners.add(listener);
  listener([...problems.values()]);
  return () => problemListeners.delete(listener);
}

/** Validates rows read back from IndexedDB; invalid ones are reported and left out. */
export function validRows<E extends EntityKind>(entity: E, rows: readonly unknown[]): EntityRecords[E][] {
  const out: EntityRecords[E][] = [];
  for (const row of rows) {
    const result = safeParseRecord(entity, row);
    if (result.ok) {
      out.push(result.record);
      continue;
    }
    const key = String((row as { id?: unknown } | null)?.id ?? "?");
    const issues = result.error.issues.map((i) => `${i.path || "(record)"}: ${i.message}`);
    problems.set(`${entity}:${key}`, new InvalidRecordError(entity, key, issues));
    for (const listener of problemListeners) listener([...problems.values()]);
  }
  return out;
}

/** Workouts, newest first. */
export async function listWorkouts(limit = 100): Promise<WorkoutRow[]> {
  const rows = await getDb().workouts.orderBy("startedAt").reverse().limit(limit).toArray();
  return validRows("workout", rows);
}

export async function getWorkout(id: string): Promise<WorkoutRow | undefined> {
  const row = await getDb().workouts.get(id);
  return row ? validRows("workout", [row])[0] : undefined;
}

/** A workout's sets in the order they were done. */
export async function setsOfWorkout(workoutId: string): Promise<SetRow[]> {
  const rows = await getDb()
    .sets.where("[workoutId+order]")
    .between([workoutId, -Infinity], [workoutId, Infinity])
    .toArray();
  return validRows("set", rows);
}

/** Every set of one exercise, oldest first. */
export async function setsOfExercise(exerciseId: string): Promise<SetRow[]> {
  const rows = await getDb()
    .sets.where("[exerciseId+performedAt]")
    .between([exerciseId, -Infinity], [exerciseId, Infinity])
    .toArray();
  return validRows("set", rows);
}

/** Every set, oldest first (for personal records). */
export async function allSets(): Promise<SetRow[]> {
  return validRows("set", await getDb().sets.orderBy("performedAt").toArray());
}

/** The profile, or the defaults when none has been saved yet. */
export async function getProfile(): Promise<ProfileRow> {
  const row = await getDb().profiles.get(PROFILE_KEY);
  return (row && validRows("profile", [row])[0]) ?? { ...DEFAULT_PROFILE, updatedAt: 0 };
}

/** How many local changes are waiting to be synced. */
export function pendingChangeCount(): Promise<number> {
  return getDb().outbox.count();
}
