import { createFormEngine } from "../engine";
import { EXERCISES } from "../exercises";
import type { FaultId, FrameVerdict, RepResult } from "../types";
import { generateSequence, type SequenceOptions, type SyntheticSequence } from "./sequence";

/** Confusion counts for one fault. */
export interface FaultTally {
  tp: number;
  fp: number;
  fn: number;
}

/** Per-frame agreement for one label. */
export interface FrameTally {
  correct: number;
  total: number;
}

/** What running the engine over a corpus shows. */
export interface EvaluationReport {
  sequences: number;
  exactCounts: number;
  exactPartials: number;
  countMisses: { exercise: string; seed: number; yawDeg: number; expected: number; got: number }[];
  faults: Record<string, FaultTally>;
  frames: Record<string, FrameTally>;
}

/** Per-frame labels scored, by exercise: label name to the engine's reading of a verdict. */
const FRAME_CHECKS: Record<string, Record<string, (v: FrameVerdict) => boolean>> = {
  squat: { "squat standing": (v) => v.phase === "start" },
  bicep_curl: { "curl lean_back": (v) => v.faults.includes("lean_back") },
  lunge: { "lunge knee_over_toe": (v) => v.faults.includes("knee_over_toe") },
  reverse_lunge: { "lunge knee_over_toe": (v) => v.faults.includes("knee_over_toe") },
  split_squat: { "lunge knee_over_toe": (v) => v.faults.includes("knee_over_toe") },
  plank: {
    "plank hips_high": (v) => v.faults.includes("hips_high"),
    "plank hips_sag": (v) => v.faults.includes("hips_sag"),
  },
};

/** Per-frame label name to its truth label: a fault's id, or "standing". */
const LABEL_OF: Record<string, FaultId | "standing"> = {
  "squat standing": "standing",
  "curl lean_back": "lean_back",
  "lunge knee_over_toe": "knee_over_toe",
  "plank hips_high": "hips_high",
  "plank hips_sag": "hips_sag",
};

const SLACK_MS = 400;

function matchRep(reps: readonly RepResult[], startMs: number, endMs: number): RepResult | undefined {
  return reps.find((r) => {
    const middle = (r.startMs + r.endMs) / 2;
    return middle >= startMs - SLACK_MS && middle <= endMs + SLACK_MS;
  });
}

function tally(report: EvaluationReport, key: string, truth: boolean, found: boolean): void {
  const t = (report.faults[key] ??= { tp: 0, fp: 0, fn: 0 });
  if (truth && found) t.tp++;
  else if (found) t.fp++;
  else if (truth) t.fn++;
}

function judgeable(options: SequenceOptions, sequence: SyntheticSequence, faultId: FaultId): boolean {
  const spec = EXERCISES[options.exercise].faults.find((f) => f.id === faultId);
  return spec !== undefined && spec.views.includes(sequence.view);
}

/** Runs the engine over each sequence and scores counts, faults and per-frame labels. */
export function evaluate(corpus: readonly SequenceOptions[]): EvaluationReport {
  const report: EvaluationReport = {
    sequences: 0,
    exactCounts: 0,
    exactPartials: 0,
    countMisses: [],
    faults: {},
    frames: {},
  };
  for (const options of corpus) {
    const sequence = generateSequence(options);
    const engine = createFormEngine(options.exercise, { mirrored: options.mirrored === true });
    const verdicts = sequence.frames.map((f) => engine.push(f));
    const summary = engine.summary();
    report.sequences++;
    const isHold = EXERCISES[options.exercise].kind === "hold";
    if (summary.reps === sequence.reps) report.exactCounts++;
    else
      report.countMisses.push({
        exercise: options.exercise,
        seed: options.seed,
        yawDeg: options.yawDeg ?? 90,
        expected: sequence.reps,
        got: summary.reps,
      });
    if (summary.partialReps === sequence.partialReps) report.exactPartials++;
    const faultIds = EXERCISES[options.exercise].faults.map((f) => f.id);
    for (const window of sequence.windows) {
      if (window.partial) continue;
      const rep = isHold
        ? undefined
        : matchRep(
            summary.repResults.filter((r) => !r.partial),
            window.startMs,
            window.endMs,
          );
      for (const id of faultIds) {
        if (!judgeable(options, sequence, id)) continue;
        const found = isHold
          ? verdicts.some((v) => v.tMs >= window.startMs && v.tMs <= window.endMs && v.faults.includes(id))
          : (rep?.faults.some((f) => f.id === id) ?? false);
        tally(report, `${options.exercise} ${id}`, window.faults.includes(id), found);
      }
    }
    const checks = FRAME_CHECKS[options.exercise] ?? {};
    for (const [name, read] of Object.entries(checks)) {
      const label = LABEL_OF[name];
      if (label === undefined) continue;
      if (label !== "standing" && !judgeable(options, sequence, label)) continue;
      const t = (report.frames[name] ??= { correct: 0, total: 0 });
      sequence.labels.forEach((labels, i) => {
        if (!(label in labels) && name !== "squat standing") return;
        if (Object.keys(labels).length === 0) return;
        t.total++;
        if (read(verdicts[i] as FrameVerdict) === (labels[label] === true)) t.correct++;
      });
    }
  }
  return report;
}
