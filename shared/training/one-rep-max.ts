/** Formula used to estimate a one-rep max from a submaximal set. */
export type OneRepMaxFormula = "epley" | "brzycki";

/**
 * Past this many reps both formulas drift far from measured maxima, so estimates are refused
 * rather than reported with false precision.
 */
export const MAX_REPS_FOR_ESTIMATE = 12;

/**
 * Estimated one-rep max in kilograms from one set.
 *
 * Epley: `w * (1 + reps / 30)`; Brzycki: `w * 36 / (37 - reps)`. A single rep is its own max.
 * Returns `null` when the set cannot support an estimate (no reps, no load, or more than
 * {@link MAX_REPS_FOR_ESTIMATE} reps).
 */
export function estimateOneRepMaxKg(
  weightKg: number,
  reps: number,
  formula: OneRepMaxFormula = "epley",
): number | null {
  if (!Number.isFinite(weightKg) || !Number.isInteger(reps)) return null;
  if (weightKg <= 0 || reps < 1 || reps > MAX_REPS_FOR_ESTIMATE) return null;
  if (reps === 1) return weightKg;
  return formula === "epley" ? weightKg * (1 + reps / 30) : (weightKg * 36) / (37 - reps);
}

/** One logged set as far as records are concerned. */
export interface SetForRecords {
  exerciseId: string;
  weightKg: number | null;
  reps: number;
  /** When the set was performed, ms since epoch. */
  performedAt: number;
}

/** The best marks for one exercise across a history of sets. */
export interface PersonalRecord {
  exerciseId: string;
  /** Heaviest load lifted for at least one rep. */
  heaviestKg: number | null;
  /** Most reps in one set at any load. */
  mostReps: number;
  /** Highest estimated one-rep max over sets that support an estimate. */
  bestEstimatedOneRepMaxKg: number | null;
  /** When the best estimated one-rep max was set, ms since epoch. */
  bestEstimateAt: number | null;
}

/** Personal records per exercise, in first-seen order. */
export function personalRecords(
  sets: readonly SetForRecords[],
  formula: OneRepMaxFormula = "epley",
): PersonalRecord[] {
  const byExercise = new Map<string, PersonalRecord>();
  for (const set of sets) {
    const record = byExercise.get(set.exerciseId) ?? {
      exerciseId: set.exerciseId,
      heaviestKg: null,
      mostReps: 0,
      bestEstimatedOneRepMaxKg: null,
      bestEstimateAt: null,
    };
    if (set.reps >= 1 && set.weightKg !== null && set.weightKg > 0) {
      record.heaviestKg = Math.max(record.heaviestKg ?? 0, set.weightKg);
    }
    record.mostReps = Math.max(record.mostReps, set.reps);
    const estimate = set.weightKg === null ? null : estimateOneRepMaxKg(set.weightKg, set.reps, formula);
    if (estimate !== null && estimate > (record.bestEstimatedOneRepMaxKg ?? 0)) {
      record.bestEstimatedOneRepMaxKg = estimate;
      record.bestEstimateAt = set.performedAt;
    }
    byExercise.set(set.exerciseId, record);
  }
  return [...byExercise.values()];
}
