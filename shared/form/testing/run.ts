import { createFormEngine } from "../engine";
import type { FormEngineOptions, FrameVerdict, RepResult, SetSummary } from "../types";
import { generateSequence, type SequenceOptions, type SyntheticSequence, type TruthRep } from "./sequence";

/** A synthetic sequence run through a fresh engine. */
export interface SequenceRun {
  sequence: SyntheticSequence;
  verdicts: FrameVerdict[];
  summary: SetSummary;
  /** For each planned (non-partial) rep, the counted rep whose middle falls in its window. */
  matched: { truth: TruthRep; rep: RepResult | undefined }[];
}

/** Generates a sequence and runs the engine over it. */
export function runSequence(options: SequenceOptions, engineOptions: FormEngineOptions = {}): SequenceRun {
  const sequence = generateSequence(options);
  const engine = createFormEngine(options.exercise, engineOptions);
  const verdicts = sequence.frames.map((frame) => engine.push(frame));
  const summary = engine.summary();
  const counted = summary.repResults.filter((r) => !r.partial);
  const matched = sequence.windows
    .filter((w) => !w.partial)
    .map((truth) => ({
      truth,
      rep: counted.find((r) => {
        const middle = (r.startMs + r.endMs) / 2;
        return middle >= truth.startMs - 400 && middle <= truth.endMs + 400;
      }),
    }));
  return { sequence, verdicts, summary, matched };
}
