import type { FaultId } from "./types";

/** Points available per component of a rep score; they add up to 100. */
export const SCORE_POINTS = { range: 30, form: 60, tempo: 10 } as const;

/** Form points one fault costs at full severity (half of it at the least severity). */
const FAULT_COST = 30;
/** Reps faster than this lose tempo points: too fast to be controlled. */
const CONTROLLED_REP_MS = 1200;

/** Scores one rep 0..100 from its range, its faults and its duration. */
export function scoreRep(
  romRatio: number,
  faults: readonly { id: FaultId; severity: number }[],
  durationMs: number,
): { score: number; breakdown: Record<string, number> } {
  const range = SCORE_POINTS.range * Math.min(1, Math.max(0, romRatio));
  const lost = faults.reduce((sum, f) => sum + FAULT_COST * (0.5 + 0.5 * f.severity), 0);
  const form = Math.max(0, SCORE_POINTS.form - lost);
  const tempo = SCORE_POINTS.tempo * Math.min(1, Math.max(0, durationMs / CONTROLLED_REP_MS));
  const breakdown = { range: round1(range), form: round1(form), tempo: round1(tempo) };
  return { score: Math.round(range + form + tempo), breakdown };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
