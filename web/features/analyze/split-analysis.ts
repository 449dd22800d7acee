/** The frames one worker analyses: presentation times in [fromMs, toMs). */
export interface PartRange {
  fromMs: number;
  toMs: number;
  /** Frames of the file in this part. */
  frameCount: number;
}

/**
 * A file cut in two at a frame, with no overlap. MediaPipe smooths landmarks, world landmarks and
 * visibility over seconds of history (a still point's filter moves 1 % a frame), and a lost track
 * resets only some of those filters: a second worker that starts mid-file never tracks exactly as
 * one that came from the start, so a score or a tempo at a boundary moved. Instead every run of a
 * file, on one worker or two, starts a fresh landmarker at the cut (one worker hands over to a new
 * worker there); from then on both are the same computation on the same frames, and the result
 * does not depend on how many cores the device has.
 */
export interface SplitPlan {
  parts: [PartRange, PartRange];
  /** The second half's first frame, where a fresh landmarker takes over. */
  cutMs: number;
}

/** Below this the second model compile costs more than the second core saves. */
export const MIN_SPLIT_DURATION_MS = 6000;

/**
 * Cuts a file whose frames are at `frameTimesMs` (ascending) into halves of equal frame count, or
 * returns null for a clip too short to be worth a second worker. The plan depends on the frame
 * times only, never on the device, so one worker and two start afresh at the same frame.
 */
export function planSplit(
  frameTimesMs: readonly number[],
  minDurationMs = MIN_SPLIT_DURATION_MS,
): SplitPlan | null {
  const n = frameTimesMs.length;
  if (n < 2) return null;
  const firstMs = frameTimesMs[0]!;
  const lastMs = frameTimesMs[n - 1]!;
  if (lastMs - firstMs < minDurationMs) return null;
  const cut = Math.floor(n / 2);
  const cutMs = frameTimesMs[cut]!;
  return {
    parts: [
      { fromMs: -Infinity, toMs: cutMs, frameCount: cut },
      { fromMs: cutMs, toMs: Infinity, frameCount: n - cut },
    ],
    cutMs,
  };
}
