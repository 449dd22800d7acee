import type { Metrics } from "./features";
import type { Phase } from "./types";

const MIN_KNEE_BEND_DEG = 8;
const MIN_TORSO_TRAVEL_DEG = 15;
/** Per-frame weight of new start-position samples. */
const START_WEIGHT = 0.2;

/**
 * Measures whether the hips rise ahead of the chest on the way up from a hinge: how much of their
 * bend the knees have recovered minus how much of its lean the torso has recovered
 * (`hipsRiseLeadRatio`, 0 when both rise together, near 1 when the legs straighten first).
 */
export class HingeTracker {
  private kneeStartDeg: number | null = null;
  private torsoStartDeg: number | null = null;
  private bottom: { progress: number; kneeDeg: number; torsoDeg: number } | null = null;

  apply(metrics: Metrics, phase: Phase, progress: number): void {
    const knee = metrics.kneeDeg;
    const torso = metrics.torsoLeanDeg;
    if (knee === undefined || torso === undefined) return;
    if (phase === "start") {
      // Averaged, since one noisy frame would set the scale for the whole next rep.
      this.kneeStartDeg =
        this.kneeStartDeg === null ? knee : this.kneeStartDeg + START_WEIGHT * (knee - this.kneeStartDeg);
      this.torsoStartDeg =
        this.torsoStartDeg === null
          ? torso
          : this.torsoStartDeg + START_WEIGHT * (torso - this.torsoStartDeg);
      this.bottom = null;
      return;
    }
    if (!this.bottom || progress > this.bottom.progress) {
      this.bottom = { progress, kneeDeg: knee, torsoDeg: torso };
    }
    if (phase !== "return" || this.kneeStartDeg === null || this.torsoStartDeg === null) return;
    const kneeBend = this.kneeStartDeg - this.bottom.kneeDeg;
    const torsoTravel = this.bottom.torsoDeg - this.torsoStartDeg;
    if (kneeBend < MIN_KNEE_BEND_DEG || torsoTravel < MIN_TORSO_TRAVEL_DEG) return;
    const kneeRecovered = (knee - this.bottom.kneeDeg) / kneeBend;
    const torsoRecovered = (this.bottom.torsoDeg - torso) / torsoTravel;
    metrics.hipsRiseLeadRatio = Math.min(1.5, kneeRecovered) - Math.max(0, torsoRecovered);
  }

  reset(): void {
    this.kneeStartDeg = null;
    this.torsoStartDeg = null;
    this.bottom = null;
  }
}
