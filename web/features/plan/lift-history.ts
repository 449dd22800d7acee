import { countsFor, setOneRepMaxKg, type LoggedSession } from "../../../shared/plans";
import type { PlanSlot } from "../../../shared/schemas/plan";

/** One session of one lift, for the progress chart. */
export interface LiftPoint {
  day: string;
  topKg: number | null;
  oneRepMaxKg: number | null;
  /** Average camera form score of its reps, or null when no rep was filmed. */
  formScore: number | null;
}

/** A lift's sessions in the log, oldest first. */
export function liftHistory(sessions: readonly LoggedSession[], slot: PlanSlot): LiftPoint[] {
  const points: LiftPoint[] = [];
  for (const session of sessions) {
    const sets = session.sets.filter((set) => countsFor(slot, set));
    if (sets.length === 0) continue;
    const loads = sets.flatMap((s) => (s.weightKg === null ? [] : [s.weightKg]));
    const estimates = sets.flatMap((s) => {
      const kg = setOneRepMaxKg(s);
      return kg === null ? [] : [kg];
    });
    const reps = sets.flatMap((s) => s.repForm);
    points.push({
      day: session.day,
      topKg: loads.length ? Math.max(...loads) : null,
      oneRepMaxKg: estimates.length ? Math.max(...estimates) : null,
      formScore: reps.length ? reps.reduce((sum, r) => sum + r.score, 0) / reps.length : null,
    });
  }
  return points;
}
