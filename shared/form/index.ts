export * from "./types";
export type {
  ExerciseDefinition,
  RepExercise,
  HoldExercise,
  FrameFault,
  RepFault,
  PhaseSignal,
  RepThresholds,
} from "./exercise-types";
export { EXERCISES } from "./exercises";
export { METRIC_NAMES, isMetricName, type MetricName } from "./metric-names";
export { createFormEngine } from "./engine";
export { suggestExercise } from "./suggest";
export { CuePolicy, DEFAULT_CUE_POLICY, type CuePolicyOptions } from "./cue-policy";
export { scoreRep, SCORE_POINTS } from "./scoring";
export { measure } from "./features";
export type { Metrics } from "./metric-names";
