import { dist, type BodyPoints } from "../pose/index";
import { View3, mean, perSide } from "./body-view";
import type { Gauge, GaugeInput } from "./gauges";

/** Time constant for learning the standing thigh's length from shorter readings. */
const LEARN_TIME_CONSTANT_MS = 1500;
/** …and for following a longer one (a thigh only looks shorter than it is, never longer). */
const CATCH_UP_TIME_CONSTANT_MS = 250;

/**
 * The thighs' length and the hips' height over the knees on one pose, in the pose's own unit
 * (metres for world points, frame heights for image points), on the clearer side or both.
 */
export function thighReading(body: BodyPoints): { thigh: number; hipOverKnee: number } | undefined {
  const v = new View3(body);
  const sides = v.sides(["hip", "knee"]);
  const thigh = mean(
    perSide((s) => {
      const hip = v.joint(s, "hip");
      const knee = v.joint(s, "knee");
      return hip && knee ? dist(hip, knee) : undefined;
    }, sides),
  );
  const hipOverKnee = mean(
    perSide((s) => {
      const hip = v.joint(s, "hip");
      const knee = v.joint(s, "knee");
      return hip && knee ? hip.y - knee.y : undefined;
    }, sides),
  );
  return thigh === undefined || hipOverKnee === undefined ? undefined : { thigh, hipOverKnee };
}

/**
 * A squat's depth as a coach reads it, from any view: the thighs' angle above parallel
 * (`thighAboveParallelDeg`, 0 with the hips level with the knees, negative below).
 *
 * Why not the knee angle: seen from the front the thigh points at the camera, and its image is
 * foreshortened to half its length or less at the bottom, so the knee looks straighter than it is
 * (a real lifter's parallel squats read 86-111° from the front, 70-80° from the side). The hips'
 * height over the knees is a vertical distance, which facing the camera does not shorten; measured
 * against the thigh's length taken while standing (upright, so not foreshortened either) it gives
 * the thigh's angle: its sine is the hips' height over the knees in standing thigh lengths.
 * Nothing is reported until the person has been seen standing.
 */
export class ThighDepthGauge implements Gauge {
  private standingThigh: number | null = null;
  private lastMs: number | null = null;

  apply({ body, metrics, tMs, state }: GaugeInput): void {
    const dtMs = this.lastMs === null ? 0 : Math.max(0, tMs - this.lastMs);
    this.lastMs = tMs;
    const reading = thighReading(body);
    if (!reading) return;
    if (state === "start") this.learn(reading.thigh, dtMs);
    if (this.standingThigh === null || this.standingThigh <= 0) return;
    const sine = Math.min(1, Math.max(-1, reading.hipOverKnee / this.standingThigh));
    metrics.thighAboveParallelDeg = (Math.asin(sine) * 180) / Math.PI;
  }

  reset(): void {
    this.standingThigh = null;
    this.lastMs = null;
  }

  private learn(thigh: number, dtMs: number): void {
    if (this.standingThigh === null) {
      this.standingThigh = thigh;
      return;
    }
    const timeConstant = thigh > this.standingThigh ? CATCH_UP_TIME_CONSTANT_MS : LEARN_TIME_CONSTANT_MS;
    this.standingThigh += (1 - Math.exp(-dtMs / timeConstant)) * (thigh - this.standingThigh);
  }
}
