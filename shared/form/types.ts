import type { PoseFrame } from "../pose/landmarks";
import type { MetricName, Metrics } from "./metric-names";

/** Exercises the engine knows, in display order. */
export const EXERCISE_IDS = [
  "squat",
  "push_up",
  "lunge",
  "reverse_lunge",
  "split_squat",
  "bicep_curl",
  "overhead_press",
  "hip_hinge",
  "glute_bridge",
  "plank",
  "jumping_jack",
] as const;

/** An exercise the engine knows. */
export type ExerciseId = (typeof EXERCISE_IDS)[number];

/** Whether a string names an exercise the engine knows (for input from outside). */
export const isExerciseId = (value: string): value is ExerciseId =>
  (EXERCISE_IDS as readonly string[]).includes(value);

/** Every fault the engine can find, one list; see each exercise's `faults`. */
export const FAULT_IDS = [
  "shallow_depth",
  "partial_range",
  "knee_valgus",
  "forward_lean",
  "heels_rise",
  "wide_stance",
  "asymmetry",
  "hips_sag",
  "hips_pike",
  "hips_high",
  "knees_down",
  "elbow_flare",
  "knee_over_toe",
  "torso_lean",
  "lean_back",
  "elbow_drift",
  "incomplete_lockout",
  "lumbar_extension",
  "rounded_back",
  "hips_rise_early",
  "head_drop",
] as const;

/**
 * Where in a rep the person is. "start" is the starting/lockout position (standing tall, arms
 * straight at the top of a push-up, arms hanging in a curl, bar racked in a press); "away" moves
 * toward the far end; "end" is the far end (bottom of a squat, top of a curl); "return" comes back.
 * Holds use "hold".
 */
export type Phase = "start" | "away" | "end" | "return" | "hold";

/** A fault's identifier such as `knee_valgus`. */
export type FaultId = (typeof FAULT_IDS)[number];

/** From where the camera sees the person. */
export type View = "front" | "side" | "oblique";

/** Why the engine abstains from a phase on a frame. */
export type AbstainReason = "no_person" | "low_visibility" | "wrong_view" | "calibrating";

/** A coaching cue raised on a frame. */
export interface Cue {
  faultId: FaultId;
  text: string;
  /** 0..1, how far past the threshold the fault is. */
  severity: number;
}

/** What the engine concludes about one frame. */
export interface FrameVerdict {
  tMs: number;
  /** Absent when the engine abstains; `reason` then says why. */
  phase?: Phase;
  reps: number;
  partialReps: number;
  /** Faults active on this frame. */
  faults: FaultId[];
  /** Faults the current view or visibility does not allow judging on this frame. */
  unjudged: FaultId[];
  /** 0..1 */
  confidence: number;
  reason?: AbstainReason;
  view?: View;
  /** Named measurements with their unit in the name, e.g. `kneeDeg`, `progress` (0..1). */
  metrics: Metrics;
  /** Cues newly raised on this frame. */
  cues: Cue[];
}

/** One completed repetition. */
export interface RepResult {
  index: number;
  startMs: number;
  endMs: number;
  /** True when the movement went only part of the way and was not counted as a rep. */
  partial: boolean;
  tempoMs: { away: number; end: number; return: number; start: number };
  /** Range reached against the person's calibrated start and the exercise's target (1 = full). */
  romRatio: number;
  peakAngles: Partial<Record<MetricName, number>>;
  faults: { id: FaultId; severity: number }[];
  /** 0..100 */
  score: number;
  /** Points per component (`range`, `form`, `tempo`), summing to `score`. */
  scoreBreakdown: Record<string, number>;
}

/** Totals for a set. */
export interface SetSummary {
  exerciseId: ExerciseId;
  reps: number;
  partialReps: number;
  repResults: RepResult[];
  holdMs?: number;
  goodFormHoldMs?: number;
  faultCounts: Partial<Record<FaultId, number>>;
  averageScore: number | null;
  /** Frame faults on for a real share of the whole set, whether or not a finished rep carries them. */
  heldFaults: FaultId[];
}

/** The form engine for one set of one exercise. */
export interface FormEngine {
  /** Judges the next frame; frames must come in time order. */
  push(frame: PoseFrame): FrameVerdict;
  summary(): SetSummary;
  reset(): void;
}

/** Options for {@link FormEngine}. */
export interface FormEngineOptions {
  /** The camera image is mirrored (selfie view): left and right labels are swapped back. */
  mirrored?: boolean;
}
