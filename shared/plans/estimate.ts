import { estimateOneRepMaxKg, MAX_REPS_FOR_ESTIMATE } from "../training/one-rep-max";
import type { LoggedSet } from "./types";

/**
 * Percent of 1RM for 1..12 reps taken to failure (RPE 10), from the RTS RPE chart. A set at RPE r
 * sits on the same curve as one with (10 − r) more reps to failure, which is how the chart is built.
 */
const PCT_AT_RPE_10 = [100, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68, 65.3, 62.6, 59.9];

/** Percent of 1RM a set of `reps` at `rpe` uses (RPE table, interpolated between half steps). */
export function percentOfMax(reps: number, rpe: number): number {
  const repsToFailure = reps + (10 - rpe);
  const i = Math.min(PCT_AT_RPE_10.length - 1, Math.max(0, repsToFailure - 1));
  const low = Math.floor(i);
  const high = Math.min(PCT_AT_RPE_10.length - 1, low + 1);
  return PCT_AT_RPE_10[low]! + (PCT_AT_RPE_10[high]! - PCT_AT_RPE_10[low]!) * (i - low);
}

/** A set's estimated 1RM: from the RPE table when RPE was logged, else Epley. */
export function setOneRepMaxKg(set: Pick<LoggedSet, "reps" | "weightKg" | "rpe">): number | null {
  if (set.weightKg === null || set.weightKg <= 0 || set.reps < 1 || set.reps > MAX_REPS_FOR_ESTIMATE)
    return null;
  if (set.rpe !== null) return set.weightKg / (percentOfMax(set.reps, set.rpe) / 100);
  return estimateOneRepMaxKg(set.weightKg, set.reps, "epley");
}

/** The best estimated 1RM among `sets`, with the set it came from. */
export function bestOneRepMax(sets: readonly LoggedSet[]): { kg: number; set: LoggedSet } | null {
  let best: { kg: number; set: LoggedSet } | null = null;
  for (const set of sets) {
    const kg = setOneRepMaxKg(set);
    if (kg !== null && (best === null || kg > best.kg)) best = { kg, set };
  }
  return best;
}
