import type { FrameFault, RepFault } from "./exercise-types";
import { EXERCISES } from "./exercises";
import { formatMetric, formatMetricValue, METRIC_LABELS, metricLabel } from "./metric-labels";
import type { ExerciseId, FaultId } from "./types";

/**
 * What each fault is called, by fault id; typed over every fault id, so a new fault does not
 * compile until it has its words here.
 */
export const FAULT_LABELS: Readonly<Record<FaultId, string>> = {
  shallow_depth: "Not deep enough",
  knee_valgus: "Knees caving in",
  forward_lean: "Leaning too far forward",
  heels_rise: "Heels lifting",
  asymmetry: "Weight shifted to one side",
  wide_stance: "Stance too wide",
  partial_range: "Partial range",
  hips_sag: "Hips sagging",
  hips_pike: "Hips piking up",
  knees_down: "Knees down",
  elbow_flare: "Elbows flaring out",
  knee_over_toe: "Knee past the toes",
  torso_lean: "Torso leaning",
  lean_back: "Leaning back",
  elbow_drift: "Elbows drifting from your sides",
  incomplete_lockout: "Arms not locked out",
  lumbar_extension: "Arching the lower back",
  rounded_back: "Back rounding",
  hips_rise_early: "Hips rising before the chest",
  hips_high: "Hips too high",
  head_drop: "Head dropping",
};

const LUNGE_FAULTS = { knee_valgus: "Front knee caving in", knee_over_toe: "Front knee past the toes" };

/** Where one id means something narrower in one exercise (a partial push-up is not low enough). */
const EXERCISE_FAULT_LABELS: Partial<Record<ExerciseId, Readonly<Partial<Record<FaultId, string>>>>> = {
  push_up: { partial_range: "Not low enough" },
  bicep_curl: { partial_range: "Not curled all the way up" },
  glute_bridge: { partial_range: "Hips not all the way up" },
  jumping_jack: { partial_range: "Arms not all the way up" },
  lunge: LUNGE_FAULTS,
  reverse_lunge: LUNGE_FAULTS,
  split_squat: LUNGE_FAULTS,
};

/** The exercise's display name; the engine's definitions are the one source for it. */
export function exerciseName(id: ExerciseId): string {
  return EXERCISES[id].name;
}

/** What a fault is called in an exercise: its exercise-specific label, else its default. */
export function faultLabel(exerciseId: ExerciseId, faultId: FaultId): string {
  return EXERCISE_FAULT_LABELS[exerciseId]?.[faultId] ?? FAULT_LABELS[faultId];
}

/** The fault's definition in an exercise, if the exercise judges it. */
export function faultSpec(exerciseId: ExerciseId, faultId: FaultId): FrameFault | RepFault | undefined {
  return EXERCISES[exerciseId].faults.find((f) => f.id === faultId);
}

/** The limit past which the fault counts, in the metric's unit. */
export function faultLimit(spec: FrameFault | RepFault): number {
  return spec.kind === "frame" ? spec.on : spec.threshold;
}

/**
 * One line saying why a fault was called: what was measured and the limit, e.g. "Torso lean 30°;
 * the limit is 22°." Without `measured` (the value that crossed the limit) it names the measure and
 * the limit only. Undefined when the exercise does not judge this fault.
 */
export function faultWhy(exerciseId: ExerciseId, faultId: FaultId, measured?: number): string | undefined {
  const spec = faultSpec(exerciseId, faultId);
  if (!spec) return undefined;
  const limit = formatMetricValue(spec.metric, faultLimit(spec), 1);
  // A signed measure says its side in the value ("12° below the line"), so "limit" reads right
  // whichever way the fault goes; an unsigned one judged from below needs to reach its limit.
  const reachUp = spec.direction === "below" && !METRIC_LABELS[spec.metric].sides;
  if (measured !== undefined) {
    const clause = reachUp ? `it needs to reach ${limit}` : `the limit is ${limit}`;
    return `${formatMetric(spec.metric, measured)}; ${clause}.`;
  }
  const name = METRIC_LABELS[spec.metric].sides?.subject ?? metricLabel(spec.metric);
  return reachUp ? `${name} fell short of ${limit}.` : `${name} went past the limit of ${limit}.`;
}
