export * from "./types";
export type { ExerciseDefinition, FrameFault, RepFault, PhaseSignal, RepThresholds } from "./exercise-types";
export { EXERCISES, EXERCISE_IDS } from "./exercises";
export { createFormEngine } from "./engine";
export { suggestExercise } from "./suggest";
export { CuePolicy, DEFAULT_CUE_POLICY, type CuePolicyOptions } from "./cue-policy";
export { scoreRep, SCORE_POINTS } from "./scoring";
export { measure, type Metrics } from "./features";
