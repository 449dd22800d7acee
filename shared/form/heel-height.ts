import { LM, MIN_VISIBILITY, type Landmark, type PoseFrame } from "../pose";
import type { Gauge, GaugeInput } from "./gauges";
import type { Metrics } from "./metric-names";

const FEET = [
  { heel: LM.leftHeel, ankle: LM.leftAnkle, knee: LM.leftKnee },
  { heel: LM.rightHeel, ankle: LM.rightAnkle, knee: LM.rightKnee },
] as const;

/** Time constant for learning the standing foot height and shank length. */
const LEARN_TIME_CONSTANT_MS = 500;

/**
 * Measures, from the image, how high the heels and ankles sit (`heelHeightFrames`, frame heights,
 * y up) and how long the shanks look (`shankLengthFrames`), averaged over the feet seen well.
 *
 * Why the image and not the heel-to-toe line: with the camera still, a planted foot does not move
 * in the frame, so a rise of heel and ankle against the person's standing position is the heel
 * leaving the floor. The model's toe point drifts down when the knee travels over the foot at the
 * bottom of a squat (seen on MediaPipe's output), which makes a heel-versus-toe measure call flat
 * feet raised.
 */
export function measureFeetInImage(frame: PoseFrame, metrics: Metrics): void {
  const aspect = frame.imageAspect ?? 1;
  let height = 0;
  let shank = 0;
  let feet = 0;
  for (const foot of FEET) {
    const heel = seen(frame.landmarks[foot.heel]);
    const ankle = seen(frame.landmarks[foot.ankle]);
    const knee = seen(frame.landmarks[foot.knee]);
    if (!heel || !ankle || !knee) continue;
    height += -(heel.y + ankle.y) / 2;
    shank += Math.hypot((knee.x - ankle.x) * aspect, knee.y - ankle.y);
    feet += 1;
  }
  if (feet === 0) return;
  metrics.heelHeightFrames = height / feet;
  metrics.shankLengthFrames = shank / feet;
}

function seen(point: Landmark | undefined): Landmark | undefined {
  return point && Number.isFinite(point.y) && point.visibility >= MIN_VISIBILITY ? point : undefined;
}

/**
 * Learns where the feet sit and how long the shanks look while the person stands in the start
 * position (heels down by definition), and reports `heelLiftChangeRatio`: how far heels and ankles
 * have risen since, in standing shank lengths. The standing shank is the scale because the shank's
 * image length shrinks as it tilts during a squat.
 */
export class HeelRiseGauge implements Gauge {
  private heightFrames: number | null = null;
  private shankFrames: number | null = null;
  private lastMs: number | null = null;

  apply({ frame, metrics, tMs, state }: GaugeInput): void {
    measureFeetInImage(frame, metrics);
    const standing = state === "start";
    const height = metrics.heelHeightFrames;
    const shank = metrics.shankLengthFrames;
    const dtMs = this.lastMs === null ? 0 : Math.max(0, tMs - this.lastMs);
    this.lastMs = tMs;
    if (height === undefined || shank === undefined) return;
    if (standing || this.heightFrames === null || this.shankFrames === null) {
      const rate = this.heightFrames === null ? 1 : 1 - Math.exp(-dtMs / LEARN_TIME_CONSTANT_MS);
      this.heightFrames = (this.heightFrames ?? height) + rate * (height - (this.heightFrames ?? height));
      this.shankFrames = (this.shankFrames ?? shank) + rate * (shank - (this.shankFrames ?? shank));
    }
    if (this.shankFrames > 0) metrics.heelLiftChangeRatio = (height - this.heightFrames) / this.shankFrames;
  }

  reset(): void {
    this.heightFrames = null;
    this.shankFrames = null;
    this.lastMs = null;
  }
}
