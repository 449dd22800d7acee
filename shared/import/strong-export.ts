import type { Workout, WorkoutSet } from "../schemas/workout";
import { writeCsv } from "./csv";
import { fromKg } from "./fields";
import type { FileWeightUnit } from "./types";

/** Strong's current export columns, in its order: what other apps expect to read. */
export const STRONG_HEADER = [
  "Date",
  "Workout Name",
  "Duration",
  "Exercise Name",
  "Set Order",
  "Weight",
  "Reps",
  "Distance",
  "Seconds",
  "Notes",
  "Workout Notes",
  "RPE",
] as const;

const pad = (n: number) => String(n).padStart(2, "0");

/** A local time as Strong writes it: `2024-01-15 18:03:00`. */
export function strongDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A length as Strong writes it: `1h 5m`, `45m`. */
export function strongDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h}h ${minutes % 60}m` : `${minutes}m`;
}

/**
 * The rows of one workout in Strong's format: sets numbered per exercise from 1, weights in `unit`
 * (Strong's files carry no unit column), names from `nameOf`.
 */
export function strongRows(
  workout: Workout,
  sets: readonly WorkoutSet[],
  nameOf: (exerciseId: string) => string,
  unit: FileWeightUnit,
): (string | number)[][] {
  const perExercise = new Map<string, number>();
  const date = strongDate(workout.startedAt);
  const duration = strongDuration((workout.endedAt ?? workout.startedAt) - workout.startedAt);
  return [...sets]
    .sort((a, b) => a.order - b.order)
    .map((s) => {
      const order = (perExercise.get(s.exerciseId) ?? 0) + 1;
      perExercise.set(s.exerciseId, order);
      return [
        date,
        workout.name ?? "Workout",
        duration,
        nameOf(s.exerciseId),
        order,
        s.weightKg === null ? 0 : fromKg(s.weightKg, unit),
        s.reps,
        0,
        s.durationMs ? s.durationMs / 1000 : 0,
        "",
        workout.notes ?? "",
        s.rpe ?? "",
      ];
    });
}

/** A whole Strong CSV (header and rows); for big logs build it in pieces with {@link strongRows}. */
export function strongCsv(rows: readonly (readonly (string | number)[])[]): string {
  return writeCsv(STRONG_HEADER, rows);
}
