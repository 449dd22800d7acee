import { faultSpec } from "./labels";
import type { ExerciseId, FaultId, FrameVerdict } from "./types";

/** A stretch of a set: one rep (a rep result is one), or the whole set. */
export interface FaultSpan {
  startMs: number;
  endMs: number;
  /** The rep's range, for a range fault; absent for a span that is not one rep. */
  romRatio?: number;
}

/**
 * The measurement that put a fault on a rep or a set, read back from the frame verdicts within
 * the span, so that a "why" can say the number rather than only the limit: the range reached for a
 * range fault, the metric at peak progress or its extreme for a per-rep fault, and for a frame fault
 * the worst value on the frames where it was on. Undefined when the verdicts do not hold it.
 */
export function faultMeasurement(
  exerciseId: ExerciseId,
  faultId: FaultId,
  span: FaultSpan,
  verdicts: readonly FrameVerdict[],
): number | undefined {
  const spec = faultSpec(exerciseId, faultId);
  if (!spec) return undefined;
  if (spec.kind === "rep" && spec.metric === "progress") return span.romRatio;
  const inRep = verdicts.filter((v) => v.tMs >= span.startMs && v.tMs <= span.endMs);
  if (spec.kind === "rep" && spec.extreme === "atPeak") {
    const peak = inRep.reduce<FrameVerdict | undefined>(
      (best, v) => ((v.metrics.progress ?? -Infinity) > (best?.metrics.progress ?? -Infinity) ? v : best),
      undefined,
    );
    return peak?.metrics[spec.metric];
  }
  const frames = spec.kind === "frame" ? inRep.filter((v) => v.faults.includes(faultId)) : inRep;
  const values = frames.flatMap((v) => {
    const value = v.metrics[spec.metric];
    return value === undefined ? [] : [value];
  });
  if (values.length === 0) return undefined;
  const worstIsLow = spec.kind === "frame" ? spec.direction === "below" : spec.extreme === "min";
  return worstIsLow ? Math.min(...values) : Math.max(...values);
}
