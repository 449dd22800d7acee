import { LM, type Landmark } from "../../../shared/pose";

/** One analysed frame as the e2e tests see it: camera time, mid-hip height, and the rep count. */
export interface TrainTracePoint {
  frameMs: number;
  /** Mid-hip y in 0..1 of the frame (down is larger), or null when no person was found. */
  hipY: number | null;
  reps: number;
}

// About a minute at 30 fps: enough for any test, never a growing leak.
const MAX_POINTS = 2000;

declare global {
  interface Window {
    /** The live session's recent hip height series, read by e2e/train-live.spec.ts. */
    __spotterTrainTrace?: TrainTracePoint[];
  }
}

function midHipY(landmarks: readonly Landmark[]): number | null {
  const left = landmarks[LM.leftHip];
  const right = landmarks[LM.rightHip];
  return left && right ? (left.y + right.y) / 2 : null;
}

/** Starts a fresh series for a new set. */
export function resetTrainTrace(): void {
  window.__spotterTrainTrace = [];
}

export function recordTrainTrace(frameMs: number, landmarks: readonly Landmark[], reps: number): void {
  const trace = (window.__spotterTrainTrace ??= []);
  trace.push({ frameMs, hipY: midHipY(landmarks), reps });
  if (trace.length > MAX_POINTS) trace.shift();
}
