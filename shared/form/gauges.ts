import type { BodyPoints, PoseFrame } from "../pose/index";
import { Baselines } from "./baselines";
import { HeelRiseGauge } from "./heel-height";
import { HingeTracker } from "./hinge-tracker";
import { ThighDepthGauge } from "./thigh-depth";
import type { Metrics } from "./metric-names";
import type { Phase } from "./types";

/** What a gauge sees of one frame: its measures, and where in the rep the person is. */
export interface GaugeInput {
  frame: PoseFrame;
  /** The pose as the engine measures it: oriented and smoothed, world points when there are any. */
  body: BodyPoints;
  metrics: Metrics;
  tMs: number;
  /** The rep counter's state ("start" while at the start position). */
  state: Phase;
  progress: number;
}

/**
 * A measure against the person's own start position (how they stand, where their heels sit, how
 * their knees and chest recover): learns while they are at the start and adds metrics to the
 * frame's measures.
 */
export interface Gauge {
  apply(input: GaugeInput): void;
  reset(): void;
}

/** The gauges an exercise may declare, by name. */
export const GAUGES = {
  /** `torsoLeanChangeDeg`, `headDropChangeDeg`: posture against the person's own start. */
  own_posture: () => new Baselines(),
  /** `heelLiftChangeRatio`: heels and ankles risen in the image since standing. */
  heel_rise: () => new HeelRiseGauge(),
  /** `hipsRiseLeadRatio`: the knees' recovery ahead of the chest's on the way up a hinge. */
  hinge_recovery: () => new HingeTracker(),
  /** `thighAboveParallelDeg`: a squat's depth against the thigh's standing length. */
  thigh_depth: () => new ThighDepthGauge(),
} satisfies Record<string, () => Gauge>;

/** A gauge's name. */
export type GaugeId = keyof typeof GAUGES;
