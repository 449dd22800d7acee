import { faultSpec } from "./labels";
import type { ExerciseId, FaultId, FrameVerdict, RepResult } from "./types";

/**
 * The measurement that put a fault on a rep, read back from the rep's frame verdicts, so that a
 * "why" can say the number rather than only the limit: the range reached for a range fault, the
 * metric at peak progress or its extreme for a per-rep fault, and for a frame fault the worst value
 * on the frames where it was on. Undefined when the verdicts do not hold it (a live set keeps no
 * verdicts).
 */
export function faultMeasurement(
  exerciseId: ExerciseId,
  faultId: FaultId,
  rep: RepResult,
  verdicts: readonly FrameVerdict[],
): number | undefined {
  const spec = faultSpec(exerciseId, faultId);
  if (!spec) return undefined;
  if (spec.kind === "rep" && spec.metric === "progress") return rep.romRatio;
  const inRep = verdicts.filter((v) => v.tMs >= rep.startMs && v.tMs <= rep.endMs);
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
