import type { Gauge, GaugeInput } from "./gauges";

const MIN_KNEE_BEND_DEG = 8;
const MIN_TORSO_TRAVEL_DEG = 15;
/**
 * The knees' recovery is read against at least this much bend: a soft knee measured small by
 * noise would otherwise turn a few degrees of jitter into a large share.
 */
const KNEE_BEND_SCALE_DEG = 15;
/** Frames within this much progress of the deepest point count toward the bottom. */
const BOTTOM_BAND = 0.06;
/** Per-frame weight of new start-position samples. */
const START_WEIGHT = 0.2;

interface Bottom {
  progress: number;
  kneeDeg: number;
  torsoDeg: number;
  samples: number;
}

/**
 * Measures whether the hips rise ahead of the chest on the way up from a hinge: how much of their
 * bend the knees have recovered minus how much of its lean the torso has recovered
 * (`hipsRiseLeadRatio`, 0 when both rise together, near 1 when the legs straighten first).
 */
export class HingeTracker implements Gauge {
  private kneeStartDeg: number | null = null;
  private torsoStartDeg: number | null = null;
  private bottom: Bottom | null = null;

  apply({ metrics, state: phase, progress }: GaugeInput): void {
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
    const bottom = this.updateBottom(progress, knee, torso);
    if (phase !== "return" || this.kneeStartDeg === null || this.torsoStartDeg === null) return;
    const kneeBend = this.kneeStartDeg - bottom.kneeDeg;
    const torsoTravel = bottom.torsoDeg - this.torsoStartDeg;
    if (kneeBend < MIN_KNEE_BEND_DEG || torsoTravel < MIN_TORSO_TRAVEL_DEG) return;
    const kneeRecovered = (knee - bottom.kneeDeg) / Math.max(kneeBend, KNEE_BEND_SCALE_DEG);
    const torsoRecovered = (bottom.torsoDeg - torso) / torsoTravel;
    metrics.hipsRiseLeadRatio = Math.min(1.5, kneeRecovered) - Math.max(0, torsoRecovered);
  }

  /**
   * The bottom of the hinge, averaged over the frames near the deepest point: a single frame's
   * noise would otherwise shift the whole way up.
   */
  private updateBottom(progress: number, kneeDeg: number, torsoDeg: number): Bottom {
    const b = this.bottom;
    if (!b || progress > b.progress + BOTTOM_BAND) {
      this.bottom = { progress, kneeDeg, torsoDeg, samples: 1 };
      return this.bottom;
    }
    if (progress < b.progress - BOTTOM_BAND) return b;
    b.progress = Math.max(b.progress, progress);
    b.samples++;
    b.kneeDeg += (kneeDeg - b.kneeDeg) / b.samples;
    b.torsoDeg += (torsoDeg - b.torsoDeg) / b.samples;
    return b;
  }

  reset(): void {
    this.kneeStartDeg = null;
    this.torsoStartDeg = null;
    this.bottom = null;
  }
}
