import type { Workout, WorkoutSet } from "../schemas/workout";
import { nameKey, ownExerciseId, type ExerciseChoice } from "./exercise-match";
import { stableUuidV7 } from "./stable-id";
import type { ImportedWorkout } from "./types";

/** Sets a workout may hold (the set schema's highest order is 1000). */
const MAX_SETS_PER_WORKOUT = 1001;

/** One workout ready to store, its sets with it. */
export interface WorkoutRecords {
  workout: Workout;
  sets: WorkoutSet[];
}

/** What the file held that Spotter has no place for, counted so the summary can say so. */
export interface NotKept {
  /** Sets left out because the person chose to leave their exercise out. */
  skippedSets: number;
  /** Sets past the most one workout holds. */
  overflowSets: number;
  /** Workouts with no set left. */
  emptyWorkouts: number;
  distances: number;
  setNotes: number;
}

/**
 * The import key of a workout: its source, start time and exercises in order. Two files of the same
 * workout agree on it however the person maps the names.
 */
export function workoutImportKey(w: ImportedWorkout, keyOf: (name: string) => string = nameKey): string {
  return `${w.source}|${w.startedAt}|${w.sets.map((s) => keyOf(s.exerciseName)).join(",")}`;
}

/** {@link nameKey} remembered per name: a long file repeats a few names thousands of times. */
function cachedNameKey(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let key = cache.get(name);
    if (key === undefined) cache.set(name, (key = nameKey(name)));
    return key;
  };
}

/**
 * Turns parsed workouts into records: ids from the import key (so a re-import finds them), exercise
 * names mapped by `choices` (keyed by the name as the file spells it), sets spread over the workout's
 * time in order. Workouts without an end get their start as the end, so none shows as still running.
 */
export function toRecords(
  workouts: readonly ImportedWorkout[],
  choices: ReadonlyMap<string, ExerciseChoice>,
  nowMs: number,
): { workouts: WorkoutRecords[]; notKept: NotKept } {
  const notKept: NotKept = { skippedSets: 0, overflowSets: 0, emptyWorkouts: 0, distances: 0, setNotes: 0 };
  const out: WorkoutRecords[] = [];
  const keyOf = cachedNameKey();
  for (const w of workouts) {
    const key = workoutImportKey(w, keyOf);
    const id = stableUuidV7(key, w.startedAt);
    const endedAt = w.endedAt ?? w.startedAt;
    const kept = w.sets.flatMap((s) => {
      const choice = choices.get(s.exerciseName) ?? { kind: "own" };
      if (choice.kind === "skip") {
        notKept.skippedSets += 1;
        return [];
      }
      return [{ set: s, exerciseId: choice.kind === "library" ? choice.id : ownExerciseId(s.exerciseName) }];
    });
    if (kept.length > MAX_SETS_PER_WORKOUT) notKept.overflowSets += kept.length - MAX_SETS_PER_WORKOUT;
    const sets = kept.slice(0, MAX_SETS_PER_WORKOUT).map(({ set, exerciseId }, order): WorkoutSet => {
      if (set.distanceM !== null) notKept.distances += 1;
      if (set.notes !== "") notKept.setNotes += 1;
      const performedAt = w.startedAt + Math.round(((endedAt - w.startedAt) * order) / kept.length);
      return {
        id: stableUuidV7(`${id}#${order}`, performedAt),
        workoutId: id,
        exerciseId,
        order,
        performedAt,
        reps: set.reps,
        weightKg: set.weightKg,
        rpe: set.rpe,
        restMs: null,
        ...(set.durationMs === null ? {} : { durationMs: set.durationMs }),
        source: "manual",
        repForm: [],
        updatedAt: nowMs,
      };
    });
    if (sets.length === 0) {
      notKept.emptyWorkouts += 1;
      continue;
    }
    const workout: Workout = { id, startedAt: w.startedAt, endedAt, updatedAt: nowMs };
    if (w.name) workout.name = w.name.slice(0, 120);
    if (w.notes) workout.notes = w.notes.slice(0, 2000);
    out.push({ workout, sets });
  }
  return { workouts: out, notKept };
}
