import {
  createFormEngine,
  EXERCISES,
  type ExerciseId,
  type FrameVerdict,
  type MetricName,
  type SetSummary,
} from "../../../shared/form";
import type { PoseFrame } from "../../../shared/pose";

export interface FormReview {
  exerciseId: ExerciseId;
  verdicts: FrameVerdict[];
  summary: SetSummary;
  /** The metric the chart follows: the engine's rep progress when it reports one, else the phase signal. */
  chartMetric: MetricName;
}

/** Runs the form engine over analysed frames, in time order. Pure: also used by the CLI in Node. */
export function judgeFrames(frames: readonly PoseFrame[], exerciseId: ExerciseId): FormReview {
  const engine = createFormEngine(exerciseId);
  const verdicts = frames.map((frame) => engine.push(frame));
  const def = EXERCISES[exerciseId];
  // A hold has no progress: its chart follows the position it is judged on (a plank's hip line).
  const signal = def.kind === "reps" ? def.signal.metric : (def.peakMetrics[0] ?? "holdMs");
  const chartMetric = verdicts.some((v) => v.metrics.progress !== undefined) ? "progress" : signal;
  return { exerciseId, verdicts, summary: engine.summary(), chartMetric };
}

/** Exercise IDs with their display names, for pickers and the CLI's help. */
export function exerciseChoices(): { id: ExerciseId; name: string }[] {
  return Object.values(EXERCISES).map((def) => ({ id: def.id, name: def.name }));
}
