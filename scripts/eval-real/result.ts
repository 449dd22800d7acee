/** One figure of a set, beside the reference it is judged against. */
export interface Figure {
  name: string;
  /** 0..1 for rates, else in the unit the name says. */
  value: number | null;
  /** The reference figure from the data's README or the issue, same unit. */
  reference?: number;
  /** How the figure compares: a rate must reach the reference, an error stay within it. */
  goal?: "at_least" | "at_most";
  unit?: "rate" | "s" | "count";
  note?: string;
}

/** What one data set says about the engine. */
export interface SetResult {
  set: string;
  description: string;
  figures: Figure[];
  /** Per-item lines worth reading when a figure misses (clips, sessions). */
  details: string[];
}

/** A set that is not on this machine: skipped with a message. */
export interface SkippedSet {
  set: string;
  skipped: string;
}

export const rate = (hits: number, total: number): number | null => (total ? hits / total : null);

/** Precision and recall of a yes/no judgement from its tallies. */
export function precisionRecall(
  tp: number,
  fp: number,
  fn: number,
): { precision: number | null; recall: number | null } {
  return { precision: rate(tp, tp + fp), recall: rate(tp, tp + fn) };
}
