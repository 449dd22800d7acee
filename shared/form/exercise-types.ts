import type { GaugeId } from "./gauges";
import type { MetricName } from "./metric-names";
import type { ExerciseId, FaultId, Phase, View } from "./types";

/**
 * The phase signal: a metric that moves from `startValue` (start position) to `targetValue` (a
 * full-range far end). The engine learns the person's own start value within `startToleranceDeg`
 * (in the metric's unit) of the default.
 */
export interface PhaseSignal {
  metric: MetricName;
  startValue: number;
  targetValue: number;
  startTolerance: number;
}

/** Hysteresis bands on progress (0 at start, 1 at target) and rep rules. */
export interface RepThresholds {
  /** Progress above which the person has left the start position. */
  leaveStart: number;
  /** Progress below which the person is back at the start position. */
  backToStart: number;
  /** Progress from which the person is at the far end. */
  reachEnd: number;
  /** How far progress must fall from its peak to count as turning back. */
  turnBack: number;
  /** Peak progress needed for a counted rep. */
  countAt: number;
  /** Peak progress needed for a partial (uncounted) rep. */
  partialAt: number;
  /** Shortest plausible rep. */
  minRepMs: number;
}

/** A fault judged frame by frame from one metric, with hysteresis. */
export interface FrameFault {
  kind: "frame";
  id: FaultId;
  cue: string;
  metric: MetricName;
  /** The fault is on when the metric is above `on` (or below, for `direction: 'below'`). */
  direction: "above" | "below";
  on: number;
  off: number;
  /** Metric distance past `on` that counts as the most severe. */
  severitySpan: number;
  /** Phases in which the fault is judged (holds use 'hold'). */
  phases: readonly Phase[];
  /** Judged only once progress is at least this far. */
  minProgress: number;
  views: readonly View[];
  /**
   * Share of the time it was judged within a rep that the fault must be on to count against the
   * rep; defaults to a fifth.
   */
  repShare?: number;
  /** How long the metric must stay past `on` before the fault switches on; 60 ms by default. */
  onMs?: number;
}

/** A fault judged once per rep from the extreme a metric reached during the rep. */
export interface RepFault {
  kind: "rep";
  id: FaultId;
  cue: string;
  /**
   * `progress` is the rep's peak progress; otherwise the metric's `extreme` over the rep, or its
   * value on the frame of peak progress (`atPeak`, steadier than an extreme under noise).
   */
  metric: MetricName;
  extreme: "max" | "min" | "atPeak";
  direction: "above" | "below";
  threshold: number;
  severitySpan: number;
  views: readonly View[];
}

/** One metric's range in a body position. */
export interface PositionRange {
  metric: MetricName;
  min: number;
  max: number;
  /** Checked only when measured (e.g. knees hidden by the floor). */
  optional?: boolean;
}

/** What every exercise declares, whether counted in reps or held. */
interface ExerciseCommon {
  id: ExerciseId;
  /** The name people see. */
  name: string;
  /** Views from which the camera sees this exercise well. */
  preferredViews: readonly View[];
  /** Views in which the phase (or hold) can be judged at all. */
  phaseViews: readonly View[];
  /**
   * Metric ranges that mean the person is in the exercise's position (a squat's upright torso, a
   * plank's support). Faults are judged only inside it, so a set-up (kneeling, sitting down) is
   * not coached as a bad rep.
   */
  position?: readonly PositionRange[];
  faults: readonly (FrameFault | RepFault)[];
  /** Metrics recorded as peak angles on each rep. */
  peakMetrics: readonly MetricName[];
  /**
   * Elbow angles also read from the image, where MediaPipe's world points compress them:
   * `side_view` (a curl: the elbows bend front to back, which seen from the side is the image
   * plane, so the image angles replace the world ones there); `straightest` (a press: unless seen
   * from the side, where the bend lies in depth, `elbowStraightDeg` takes the straighter reading).
   */
  elbowsInImage?: "side_view" | "straightest";
  /**
   * Metrics read from the image points when seen from the side or at an angle, even where world
   * points exist (a push-up's hip line: MediaPipe estimates the world points of a body lying along
   * the floor poorly, and the side view shows the line in the image plane).
   */
  sideMetricsInImage?: readonly MetricName[];
  /** Measures against the person's own start position that this exercise's faults read. */
  gauges?: readonly GaugeId[];
}

/** An exercise counted in reps: a phase signal and the rules that turn it into reps. */
export interface RepExercise extends ExerciseCommon {
  kind: "reps";
  signal: PhaseSignal;
  reps: RepThresholds;
}

/** An exercise held for time: the position it is timed in. */
export interface HoldExercise extends ExerciseCommon {
  kind: "hold";
  position: readonly PositionRange[];
}

/** Exercise as data. */
export type ExerciseDefinition = RepExercise | HoldExercise;
