/** The plan engine: built-in programs, progressions, form-aware autoregulation, today's session. */
export * from "./types";
export { recommend } from "./recommend";
export { replayPlan, countsFor, slotKey, type PlanReplay } from "./replay";
export { replayPlanCached, clearReplayCache } from "./replay-cache";
export {
  snapshotReplay,
  restoreReplay,
  REPLAY_SNAPSHOT_FORMAT,
  ReplaySnapshotSchema,
  type ReplaySnapshot,
} from "./replay-snapshot";
export { PROGRAMS, programById, planFromProgram, type Program } from "./programs";
export { roundLoadKg, isReachableKg, stepUpKg, KG_PER_LB } from "./load-steps";
export { formatLoad, formatChange, formatScheme } from "./format";
export {
  REASON_EN,
  REASON_CODES,
  reasonText,
  wordReason,
  type ReasonCode,
  type ReasonWords,
  type LoadValue,
  type Wording,
} from "./reason-words";
export { percentOfMax, setOneRepMaxKg, bestOneRepMax } from "./estimate";
export { addDays, isoWeekday, defaultWeekdays } from "./dates";
export { FORM_SCORE_MIN, FAULT_RATE_MAX, ROM_MIN_OF_OWN, RPE_MAX_TO_PROGRESS } from "./outcome";
export { WAVE_531_WEEKS, BBB_PCT, TRAINING_MAX_OF_1RM, MESO_RIR } from "./schemes-waves";
export { DELOAD_PCT } from "./autoregulate";
export { swapCandidates, swapExercise, loadKindFor } from "./swap";
export { CORRECTIVES, correctiveFor } from "./correctives";
export { addLift, removeLift, defaultProgression } from "./edit";
export { draftFromSlot, editLift } from "./custom-edit";
export {
  muscleRecovery,
  FATIGUE_PER_SET_PCT,
  RECOVERY_DAYS,
  type MuscleRecovery,
  type ExerciseMuscles,
} from "./recovery";
export {
  customPlan,
  draftProblems,
  liftDraft,
  progressionOf,
  PROGRESSION_CHOICES,
  PROGRESSION_LABELS,
  FIXED_SCHEME,
  type ProgressionChoice,
  type LiftDraft,
  type DayDraft,
  type PlanDraft,
} from "./custom";
