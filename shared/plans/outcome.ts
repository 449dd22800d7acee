import { words, type ReasonWords } from "./reason-words";
import type { LoggedRep, LoggedSet, PrescribedSet } from "./types";

/** Average rep score a session needs for its load to go up. */
export const FORM_SCORE_MIN = 80;
/** Share of reps with a fault above which form counts as breaking down. */
export const FAULT_RATE_MAX = 0.25;
/** Range of motion, against the person's own usual range, below which reps were cut short. */
export const ROM_MIN_OF_OWN = 0.9;
/** Hardest RPE at which a made session still earns more load (RPE 10 was a grind). */
export const RPE_MAX_TO_PROGRESS = 9;
/** A logged load this close under the prescription still counts as done at it (rounding, unit changes). */
const LOAD_TOLERANCE_KG = 0.5;

/** How the form of a session's reps compares with the gates. */
export interface FormVerdict {
  /** False when no rep carried form data (manual sets): the form gate then does not apply. */
  judged: boolean;
  ok: boolean;
  scoreAvg: number | null;
  faultRate: number;
  /** Median range against the person's own, when recorded. */
  romOfOwn: number | null;
  /** The fault seen on the most reps, with the share of reps it was on. */
  commonFault: { id: string; rate: number } | null;
  /** What failed, as words ("form 68 < 80", …); empty when form held. */
  failure: ReasonWords[];
}

/** How one lift of one logged session went against what was prescribed. */
export interface Outcome {
  /** Per prescribed set: done with at least its reps at (about) its load. */
  setsMade: boolean[];
  allMade: boolean;
  totalReps: number;
  rpeMax: number | null;
  rpeOk: boolean;
  form: FormVerdict;
  /** Heaviest load used, for seeding a lift that had no load yet. */
  topKg: number | null;
  performed: readonly LoggedSet[];
}

/** Median of `values`; a typed array sorts numbers without a comparator, which the replay feels. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const NOT_JUDGED: FormVerdict = {
  judged: false,
  ok: true,
  scoreAvg: null,
  faultRate: 0,
  romOfOwn: null,
  commonFault: null,
  failure: [],
};

/** The fault on the most reps (ties: the first id in alphabetical order), with its share of reps. */
function mostCommonFault(reps: readonly LoggedRep[]): FormVerdict["commonFault"] {
  const counts = new Map<string, number>();
  for (const rep of reps) {
    const ids = rep.faults.length > 1 ? new Set(rep.faults) : rep.faults;
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let commonFault: FormVerdict["commonFault"] = null;
  for (const [id, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (!commonFault || n / reps.length > commonFault.rate) commonFault = { id, rate: n / reps.length };
  }
  return commonFault;
}

/** Judges the form of `reps` against the gates; `ownRom` is the person's usual range on this lift. */
export function judgeForm(reps: readonly LoggedRep[], ownRom: number | null): FormVerdict {
  if (reps.length === 0) return NOT_JUDGED;
  let scoreSum = 0;
  let faulty = 0;
  const ranges: number[] = [];
  for (const rep of reps) {
    scoreSum += rep.score;
    if (rep.faults.length > 0) faulty++;
    if (rep.romRatio !== undefined) ranges.push(rep.romRatio);
  }
  const scoreAvg = scoreSum / reps.length;
  const faultRate = faulty / reps.length;
  const rom = median(ranges);
  const romOfOwn = rom !== null && ownRom !== null && ownRom > 0 ? rom / ownRom : null;
  const failures: ReasonWords[] = [];
  if (scoreAvg < FORM_SCORE_MIN)
    failures.push(words("gate.form", { score: Math.round(scoreAvg), min: FORM_SCORE_MIN }));
  if (faultRate > FAULT_RATE_MAX) failures.push(words("gate.faults", { faulty, reps: reps.length }));
  if (romOfOwn !== null && romOfOwn < ROM_MIN_OF_OWN) {
    failures.push(words("gate.range", { pct: Math.round(romOfOwn * 100) }));
  }
  return {
    judged: true,
    ok: failures.length === 0,
    scoreAvg,
    faultRate,
    romOfOwn,
    commonFault: mostCommonFault(reps),
    failure: failures,
  };
}

/** Compares the sets logged for one lift with the sets prescribed for it, in order. */
export function judgeOutcome(
  prescribed: readonly PrescribedSet[],
  performed: readonly LoggedSet[],
  ownRom: number | null,
): Outcome {
  const setsMade = prescribed.map((target, i) => {
    const done = performed[i];
    if (!done || done.reps < target.reps) return false;
    if (target.loadKg === null) return true;
    return (done.weightKg ?? 0) >= target.loadKg - LOAD_TOLERANCE_KG;
  });
  const rpes = performed.flatMap((set) => (set.rpe === null ? [] : [set.rpe]));
  const rpeMax = rpes.length ? Math.max(...rpes) : null;
  const loads = performed.flatMap((set) => (set.weightKg === null ? [] : [set.weightKg]));
  return {
    setsMade,
    allMade: setsMade.every(Boolean),
    totalReps: performed.reduce((sum, set) => sum + set.reps, 0),
    rpeMax,
    rpeOk: rpeMax === null || rpeMax <= RPE_MAX_TO_PROGRESS,
    form: judgeForm(
      performed.length === 1 ? performed[0]!.repForm : performed.flatMap((set) => set.repForm),
      ownRom,
    ),
    topKg: loads.length ? Math.max(...loads) : null,
    performed,
  };
}

/** The "at RPE ≤ 8 with form 86 ≥ 80" part of a reason, or null when there is nothing to say. */
export function describeEffort(outcome: Outcome): ReasonWords | null {
  const rpe = outcome.rpeMax;
  const score =
    outcome.form.judged && outcome.form.scoreAvg !== null ? Math.round(outcome.form.scoreAvg) : null;
  if (rpe !== null && score !== null) return words("effort.both", { rpe, score, min: FORM_SCORE_MIN });
  if (rpe !== null) return words("effort.rpe", { rpe });
  if (score !== null) return words("effort.form", { score, min: FORM_SCORE_MIN });
  return null;
}
