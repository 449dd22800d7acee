import { BodySmoother, LM, toBodyPoints, type PoseFrame } from "../pose/index";
import { measure } from "./features";
import type { MetricName, Metrics } from "./metric-names";
import type { ExerciseId } from "./types";

const MIN_FRAMES = 15;

interface Observed {
  metrics: Metrics;
  hipImageX: number | undefined;
  facingImageX: number | undefined;
}

const quantile = (values: number[], q: number): number => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

function series(observed: Observed[], metric: MetricName): number[] {
  return observed.map((o) => o.metrics[metric]).filter((v): v is number => v !== undefined);
}

/** Spread of a metric between its 10th and 90th percentile, 0 when rarely seen. */
function spread(observed: Observed[], metric: MetricName): number {
  const values = series(observed, metric);
  return values.length < observed.length / 3 ? 0 : quantile(values, 0.9) - quantile(values, 0.1);
}

function median(observed: Observed[], metric: MetricName): number | undefined {
  const values = series(observed, metric);
  return values.length < observed.length / 3 ? undefined : quantile(values, 0.5);
}

/** Which lunge: split stance throughout, or the hips travelling forward or back to the bottom. */
function lungeKind(observed: Observed[]): ExerciseId {
  const splitShare = observed.filter((o) => o.metrics.kneePastToeRatio !== undefined).length;
  if (splitShare > 0.85 * observed.length) return "split_squat";
  const first = observed.find((o) => o.hipImageX !== undefined);
  const bottom = observed.reduce((best, o) =>
    (o.metrics.kneeMinDeg ?? 180) < (best.metrics.kneeMinDeg ?? 180) ? o : best,
  );
  const facing = bottom.facingImageX;
  if (!first?.hipImageX || bottom.hipImageX === undefined || facing === undefined) return "lunge";
  return (bottom.hipImageX - first.hipImageX) * facing >= 0 ? "lunge" : "reverse_lunge";
}

function observe(frames: readonly PoseFrame[]): Observed[] {
  const smoother = new BodySmoother();
  const observed: Observed[] = [];
  for (const frame of frames) {
    const raw = toBodyPoints(frame);
    if (!raw) continue;
    const metrics = measure(smoother.push(raw, frame.tMs));
    const lh = frame.landmarks[LM.leftHip];
    const rh = frame.landmarks[LM.rightHip];
    const heel = frame.landmarks[LM.leftHeel];
    const toe = frame.landmarks[LM.leftFootIndex];
    observed.push({
      metrics,
      hipImageX: lh && rh ? (lh.x + rh.x) / 2 : undefined,
      facingImageX: heel && toe ? Math.sign(toe.x - heel.x) : undefined,
    });
  }
  return observed;
}

/**
 * Guesses the exercise from a stretch of movement (a few reps), or null when the movement does
 * not clearly match one. A suggestion for the user to confirm, not a judgement.
 */
export function suggestExercise(frames: PoseFrame[]): ExerciseId | null {
  const observed = observe(frames);
  if (observed.length < MIN_FRAMES) return null;
  const torsoLean = median(observed, "torsoLeanDeg");
  if (torsoLean === undefined) return null;
  if (torsoLean > 55) {
    if ((median(observed, "kneeDeg") ?? 180) < 140) return "glute_bridge";
    return spread(observed, "elbowDeg") > 35 ? "push_up" : "plank";
  }
  if (spread(observed, "shoulderAbductionDeg") > 90 && spread(observed, "kneeDeg") < 40) {
    return "jumping_jack";
  }
  const kneeSpread = spread(observed, "kneeMinDeg");
  if (kneeSpread > 35) {
    const split = observed.filter((o) => o.metrics.kneePastToeRatio !== undefined).length;
    return split > 0.3 * observed.length ? lungeKind(observed) : "squat";
  }
  if (spread(observed, "torsoLeanDeg") > 35) return "hip_hinge";
  const wristTop = quantile(series(observed, "wristLiftRatio"), 0.9);
  if (spread(observed, "wristLiftRatio") > 0.45 && wristTop > 0.55) return "overhead_press";
  if (spread(observed, "elbowMinDeg") > 60) return "bicep_curl";
  return null;
}
