import * as v from "valibot";
import type { PlannedSession } from "../../../shared/plans";

/**
 * The plan's session the person started in the Log, so the Log can prefill each set. Kept in this
 * device's storage (a started session is done on the device that started it) and validated on read.
 */
const KEY = "spotter:planned-session";

const PlannedWorkoutSchema = v.object({
  workoutId: v.string(),
  exercises: v.array(
    v.object({
      exerciseId: v.string(),
      restS: v.number(),
      sets: v.array(v.object({ reps: v.number(), weightKg: v.nullable(v.number()) })),
    }),
  ),
});
export type PlannedWorkout = v.InferOutput<typeof PlannedWorkoutSchema>;

/** Remembers `session` as the plan for workout `workoutId`. */
export function rememberPlannedWorkout(workoutId: string, session: PlannedSession): void {
  const planned: PlannedWorkout = {
    workoutId,
    exercises: session.exercises.map((e) => ({
      exerciseId: e.exerciseId,
      restS: e.restS,
      sets: e.sets.map((s) => ({ reps: s.reps, weightKg: s.loadKg })),
    })),
  };
  localStorage.setItem(KEY, JSON.stringify(planned));
}

/** The plan for workout `workoutId`, if it was started from the Plan page on this device. */
export function plannedWorkout(workoutId: string): PlannedWorkout | null {
  const raw = localStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed = v.safeParse(PlannedWorkoutSchema, JSON.parse(raw));
    return parsed.success && parsed.output.workoutId === workoutId ? parsed.output : null;
  } catch {
    // Unreadable storage means no plan for this workout; the Log works without one.
    return null;
  }
}
