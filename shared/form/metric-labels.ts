import type { MetricName } from "./metric-names";

/**
 * Units a measurement is shown in. Ratios are shown as a percentage of the body length they were
 * divided by, so "0.1" reads as "10% of leg length" rather than a bare number.
 */
export type MetricUnit =
  | "deg"
  | "legLength"
  | "shinLength"
  | "armLength"
  | "shoulderWidth"
  | "frameHeight"
  | "ms"
  | "fullRange"
  | "wayUp";

const UNIT_SUFFIX: Record<MetricUnit, string> = {
  deg: "°",
  legLength: "% of leg length",
  shinLength: "% of shin length",
  armLength: "% of arm length",
  shoulderWidth: "% of shoulder width",
  frameHeight: "% of the picture's height",
  ms: " s",
  fullRange: "% of full range",
  wayUp: "% of the way up",
};

/** How one measurement is named and shown to a person. */
export interface MetricLabel {
  /** Plain name, e.g. "Knee angle". */
  label: string;
  unit: MetricUnit;
  /**
   * For signed measures, the words either side of zero: a value reads as e.g. "Hips 12° below
   * the shoulder–ankle line" instead of "-12°".
   */
  sides?: { subject: string; negative: string; positive: string };
}

const HIP_LINE = {
  subject: "Hips",
  negative: "below the shoulder–ankle line",
  positive: "above the shoulder–ankle line",
};
// Positive when the head drops toward the floor.
const HEAD_LINE = { subject: "Head", negative: "above the body line", positive: "below the body line" };

/**
 * Every measurement the engine names, in words with its unit; typed over every metric name, so a
 * new metric does not compile until it has its words here.
 */
export const METRIC_LABELS: Readonly<Record<MetricName, MetricLabel>> = {
  progress: { label: "Range of motion", unit: "fullRange" },
  kneeDeg: { label: "Knee angle", unit: "deg" },
  kneeMinDeg: { label: "Knee angle (more bent knee)", unit: "deg" },
  kneesBothDeg: { label: "Knee angle", unit: "deg" },
  frontKneeDeg: { label: "Front knee angle", unit: "deg" },
  kneeAsymmetryDeg: { label: "Difference between the knees", unit: "deg" },
  hipDeg: { label: "Hip angle", unit: "deg" },
  elbowDeg: { label: "Elbow angle", unit: "deg" },
  elbowMinDeg: { label: "Elbow angle (more bent arm)", unit: "deg" },
  elbowMaxDeg: { label: "Elbow angle (straighter arm)", unit: "deg" },
  elbowStraightDeg: { label: "Elbow angle", unit: "deg" },
  torsoLeanDeg: { label: "Torso lean", unit: "deg" },
  torsoPitchDeg: { label: "Torso tilt", unit: "deg" },
  torsoBackLeanDeg: {
    label: "Torso lean back",
    unit: "deg",
    sides: { subject: "Torso", negative: "forward of upright", positive: "back from upright" },
  },
  torsoLeanChangeDeg: { label: "Torso lean change from your start", unit: "deg" },
  torsoBeyondShinDeg: { label: "Torso lean beyond the shins", unit: "deg" },
  shinLeanDeg: { label: "Shin lean", unit: "deg" },
  upperArmTorsoDeg: { label: "Upper arm away from the torso", unit: "deg" },
  shoulderAbductionDeg: { label: "Arms raised out to the side", unit: "deg" },
  elbowFlareDeg: { label: "Elbows out from the body", unit: "deg" },
  wristLiftRatio: { label: "Hands above the shoulders", unit: "armLength" },
  hipLineDeg: { label: "Hip line", unit: "deg", sides: HIP_LINE },
  supportArmDeg: { label: "Arms to torso angle", unit: "deg" },
  headDropDeg: { label: "Head drop", unit: "deg", sides: HEAD_LINE },
  headBelowLineDeg: { label: "Head drop", unit: "deg", sides: HEAD_LINE },
  headDropChangeDeg: { label: "Head drop change from your start", unit: "deg" },
  kneeValgusRatio: { label: "Knees in toward each other", unit: "legLength" },
  frontKneeValgusRatio: { label: "Front knee in toward the midline", unit: "legLength" },
  hipShiftRatio: { label: "Hips shifted to one side", unit: "legLength" },
  hipHeightRatio: { label: "Hip height", unit: "legLength" },
  stanceWidthRatio: { label: "Feet apart", unit: "shoulderWidth" },
  kneePastToeRatio: {
    label: "Front knee past the toes",
    unit: "legLength",
    sides: { subject: "Front knee", negative: "behind the toes", positive: "past the toes" },
  },
  heelLiftChangeRatio: { label: "Heel lift", unit: "shinLength" },
  thighAboveParallelDeg: {
    label: "Thigh angle above parallel",
    unit: "deg",
    sides: { subject: "Thighs", negative: "below parallel", positive: "above parallel" },
  },
  heelHeightFrames: { label: "Heel height", unit: "frameHeight" },
  shankLengthFrames: { label: "Shin length", unit: "frameHeight" },
  holdMs: { label: "Hold time", unit: "ms" },
  hipsRiseLeadRatio: { label: "Legs straightening ahead of the chest", unit: "wayUp" },
};

/** The plain name of a metric, e.g. "Knee angle". */
export function metricLabel(name: MetricName): string {
  return METRIC_LABELS[name].label;
}

/** The value in the unit shown: ratios as percentages, milliseconds as seconds. */
export function inShownUnit(unit: MetricUnit, value: number): number {
  if (unit === "deg") return value;
  if (unit === "ms") return value / 1000;
  return value * 100;
}

/**
 * A value in the metric's unit, without its name: "92°", "10% of leg length", "12° below the
 * shoulder–ankle line". `digits` is kept for limits such as 11.5°; measurements read as whole numbers.
 */
export function formatMetricValue(name: MetricName, value: number, digits = 0): string {
  const spec = METRIC_LABELS[name];
  const shown = inShownUnit(spec.unit, value);
  const magnitude = spec.sides ? Math.abs(shown) : shown;
  const number = Number(magnitude.toFixed(digits)).toString();
  const text = `${number}${UNIT_SUFFIX[spec.unit]}`;
  if (!spec.sides) return text;
  return `${text} ${value < 0 ? spec.sides.negative : spec.sides.positive}`;
}

/** A named measurement, e.g. "Knee angle 92°" or "Hips 12° below the shoulder–ankle line". */
export function formatMetric(name: MetricName, value: number): string {
  const spec = METRIC_LABELS[name];
  return `${spec.sides?.subject ?? spec.label} ${formatMetricValue(name, value)}`;
}
