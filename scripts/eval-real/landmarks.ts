import {
  createFormEngine,
  type ExerciseId,
  type FrameVerdict,
  type SetSummary,
} from "../../shared/form/index.ts";
import type { Landmark, PoseFrame } from "../../shared/pose/index.ts";
import { parseLandmarkLines } from "../analyze/landmark-file.ts";

/** A landmark that was not found: the landmark-file format has no NaN. */
export const MISSING: Landmark = { x: 0, y: 0, z: 0, visibility: 0 };

/** One frame of a set before it becomes a landmark-file line. */
export interface RawFrame {
  tMs: number;
  landmarks: Landmark[];
  imageAspect?: number;
}

/**
 * Writes frames as `npm run analyze` landmark-file lines and reads them back through the same
 * parser, so the sets are judged exactly as a user's landmark file would be.
 */
export function throughLandmarkFile(frames: readonly RawFrame[], name: string): PoseFrame[] {
  const text = frames
    .map((f) =>
      JSON.stringify({
        t: f.tMs,
        landmarks: f.landmarks,
        ...(f.imageAspect ? { imageAspect: f.imageAspect } : {}),
      }),
    )
    .join("\n");
  return parseLandmarkLines(text, name);
}

/** Judges a sequence of frames as one set; verdicts in frame order. */
export function judge(
  exercise: ExerciseId,
  frames: readonly PoseFrame[],
): { verdicts: FrameVerdict[]; summary: SetSummary } {
  const engine = createFormEngine(exercise);
  const verdicts = frames.map((frame) => engine.push(frame));
  return { verdicts, summary: engine.summary() };
}
