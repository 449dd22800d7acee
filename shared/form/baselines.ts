import type { Gauge, GaugeInput } from "./gauges";
import type { MetricName } from "./metric-names";

interface BaselineSpec {
  /** Raw metric the baseline is learned from. */
  source: MetricName;
  /** Derived metric: source minus baseline. */
  derived: MetricName;
  min: number;
  max: number;
  /** Only values this close to the baseline update it, so a held fault is not learned. */
  learnWithin: number;
  /** Report the size of the change whichever way it goes. */
  absolute?: boolean;
  /**
   * Seated (hips bent past {@link SEATED_HIP_DEG}), a back pad sets the torso's lean: the baseline
   * may take it within this wider range.
   */
  seatedMin?: number;
  seatedMax?: number;
}

/** Hip angle below which the person sits (a bench's pad, not their posture, holds the torso). */
const SEATED_HIP_DEG = 135;

const SPECS: readonly BaselineSpec[] = [
  {
    source: "torsoPitchDeg",
    derived: "torsoLeanChangeDeg",
    // MediaPipe's world points read an upright torso as up to ~17 degrees off vertical (a real
    // split squat), so that much is the person's start; a lean past it is not absorbed.
    min: -18,
    max: 18,
    seatedMin: -35,
    seatedMax: 35,
    learnWithin: 6,
    absolute: true,
  },
  { source: "headDropDeg", derived: "headDropChangeDeg", min: -25, max: 25, learnWithin: 12 },
];

const LEARN_TIME_CONSTANT_MS = 1500;
/** For this long at first, baselines settle quickly and without the closeness gate. */
const SETTLE_MS = 1000;
const SETTLE_TIME_CONSTANT_MS = 250;

/**
 * The person's own resting values (how upright they stand, where their heels sit, how they carry
 * their head), learned while they are in the start position, so that faults are judged as change
 * from their own posture rather than from a textbook one.
 */
export class Baselines implements Gauge {
  private readonly values = new Map<MetricName, number>();
  private lastMs: number | null = null;
  private learnedMs = 0;

  /** Adds `…Change…` metrics to `metrics`; learns from them at the start position. */
  apply({ metrics, tMs, state }: GaugeInput): void {
    const learning = state === "start";
    const dtMs = this.lastMs === null ? 0 : Math.max(0, tMs - this.lastMs);
    this.lastMs = tMs;
    const settling = this.learnedMs < SETTLE_MS;
    if (learning) this.learnedMs += dtMs;
    const rate = 1 - Math.exp(-dtMs / (settling ? SETTLE_TIME_CONSTANT_MS : LEARN_TIME_CONSTANT_MS));
    const seated = metrics.hipDeg !== undefined && metrics.hipDeg < SEATED_HIP_DEG;
    for (const spec of SPECS) {
      const value = metrics[spec.source];
      if (value === undefined) continue;
      const min = seated ? (spec.seatedMin ?? spec.min) : spec.min;
      const max = seated ? (spec.seatedMax ?? spec.max) : spec.max;
      const clamped = Math.min(max, Math.max(min, value));
      let baseline = this.values.get(spec.source);
      if (baseline === undefined) baseline = clamped;
      else if (learning && (settling || Math.abs(value - baseline) < spec.learnWithin)) {
        baseline += rate * (clamped - baseline);
      }
      this.values.set(spec.source, baseline);
      metrics[spec.derived] = spec.absolute ? Math.abs(value - baseline) : value - baseline;
    }
  }

  reset(): void {
    this.values.clear();
    this.lastMs = null;
    this.learnedMs = 0;
  }
}
