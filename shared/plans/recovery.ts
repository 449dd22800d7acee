import type { LocalDate } from "../schemas/plan";
import type { LoggedSession } from "./types";

/** The muscles an exercise works, as the library lists them. */
export interface ExerciseMuscles {
  primaryMuscles: readonly string[];
  secondaryMuscles: readonly string[];
}

/** How recovered one muscle is today, with why. */
export interface MuscleRecovery {
  muscle: string;
  /** 0..100; 100 is fully recovered. */
  recoveredPct: number;
  /** Working sets for it (secondary counted half) in the session that tires it most now. */
  sets: number;
  lastDay: LocalDate;
}

/** Fatigue one working set puts on a muscle it works directly, in percent; half for a secondary one. */
export const FATIGUE_PER_SET_PCT = 10;
/** Days for a muscle to come back from fully tired to fully recovered (Fitbod's model uses about 7). */
export const RECOVERY_DAYS = 7;

const dayIndex = (day: LocalDate) =>
  Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000;

/**
 * Recovery per muscle on `today`, Fitbod-style: each session tires the muscles its sets work (10 %
 * a set, half for secondary muscles, at most 100 %), and a muscle comes back linearly over 7 days.
 * Sets with no reps, and exercises `musclesOf` does not know, are left out. Least recovered first.
 */
export function muscleRecovery(
  sessions: readonly LoggedSession[],
  musclesOf: (exerciseId: string) => ExerciseMuscles | null,
  today: LocalDate,
): MuscleRecovery[] {
  const fatigue = new Map<string, { pct: number; sets: number; lastDay: LocalDate }>();
  for (const session of sessions) {
    const daysAgo = dayIndex(today) - dayIndex(session.day);
    if (daysAgo < 0 || daysAgo >= RECOVERY_DAYS) continue;
    const sets = new Map<string, number>();
    for (const set of session.sets) {
      const muscles = set.reps > 0 ? musclesOf(set.exerciseId) : null;
      if (!muscles) continue;
      for (const m of muscles.primaryMuscles) sets.set(m, (sets.get(m) ?? 0) + 1);
      for (const m of muscles.secondaryMuscles) sets.set(m, (sets.get(m) ?? 0) + 0.5);
    }
    for (const [muscle, n] of sets) {
      const left = Math.min(100, n * FATIGUE_PER_SET_PCT) * (1 - daysAgo / RECOVERY_DAYS);
      const now = fatigue.get(muscle);
      // Fatigue from several sessions adds up; the reason names the one that weighs most now.
      const heaviest = !now || left > now.pct ? { sets: n, lastDay: session.day } : now;
      fatigue.set(muscle, {
        pct: Math.min(100, (now?.pct ?? 0) + left),
        sets: heaviest.sets,
        lastDay: heaviest.lastDay,
      });
    }
  }
  return [...fatigue]
    .map(([muscle, f]) => ({
      muscle,
      recoveredPct: Math.round(100 - f.pct),
      sets: f.sets,
      lastDay: f.lastDay,
    }))
    .sort((a, b) => a.recoveredPct - b.recoveredPct || a.muscle.localeCompare(b.muscle));
}
