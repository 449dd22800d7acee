/**
 * Every measurement the engine names, one list: exercise definitions, labels and charts refer to
 * these, so a misspelt metric does not compile. The unit is in the name (`Deg` degrees, `Ratio` a
 * body length, `Frames` frame heights, `Ms` milliseconds); `progress` runs 0 at the start
 * position to 1 at a full-range far end.
 */
export const METRIC_NAMES = [
  // joint angles
  "kneeDeg",
  "kneeMinDeg",
  "kneesBothDeg",
  "kneeAsymmetryDeg",
  "frontKneeDeg",
  "hipDeg",
  "elbowDeg",
  "elbowMinDeg",
  "elbowMaxDeg",
  "elbowStraightDeg",
  "upperArmTorsoDeg",
  "shoulderAbductionDeg",
  "elbowFlareDeg",
  "supportArmDeg",
  // body lines and leans
  "torsoLeanDeg",
  "torsoPitchDeg",
  "torsoBackLeanDeg",
  "shinLeanDeg",
  "torsoBeyondShinDeg",
  "hipLineDeg",
  "headDropDeg",
  "headBelowLineDeg",
  // positions in body lengths
  "wristLiftRatio",
  "hipHeightRatio",
  "kneeValgusRatio",
  "frontKneeValgusRatio",
  "hipShiftRatio",
  "kneePastToeRatio",
  "stanceWidthRatio",
  "heelHeightFrames",
  "shankLengthFrames",
  // against the person's own start position
  "torsoLeanChangeDeg",
  "headDropChangeDeg",
  "heelLiftChangeRatio",
  "thighAboveParallelDeg",
  "hipsRiseLeadRatio",
  // the set's own
  "progress",
  "holdMs",
] as const;

/** A measurement's name. */
export type MetricName = (typeof METRIC_NAMES)[number];

/** Named measurements of one moment; a name is absent when it could not be measured. */
export type Metrics = Partial<Record<MetricName, number>>;

/** Whether a string names a measurement (for data read from outside). */
export const isMetricName = (name: string): name is MetricName =>
  (METRIC_NAMES as readonly string[]).includes(name);

/** The measurements present in `metrics`, as name and value pairs. */
export function metricEntries(metrics: Metrics): [MetricName, number][] {
  return Object.entries(metrics).filter((entry): entry is [MetricName, number] => entry[1] !== undefined);
}
