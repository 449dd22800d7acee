import type { ReasonWords } from "./reason-words";
import type { LocalDate, Plan, PlanSlot } from "../schemas/plan";
import type { Profile } from "../schemas/profile";

/** One rep as the log holds it: the form engine's score and faults, and its range when recorded. */
export interface LoggedRep {
  score: number;
  faults: readonly string[];
  /** Range reached against the person's own calibrated range (1 = full), when the set recorded it. */
  romRatio?: number;
}

/** One logged set, as far as the planner is concerned (a `WorkoutSet` fits). */
export interface LoggedSet {
  exerciseId: string;
  reps: number;
  weightKg: number | null;
  rpe: number | null;
  durationMs?: number | null;
  repForm: readonly LoggedRep[];
}

/** One workout of the log: its local day and its sets in the order they were done. */
export interface LoggedSession {
  day: LocalDate;
  sets: readonly LoggedSet[];
}

/** What the planner needs of the profile: units for reasons, and what the plates allow. */
export type PlanProfile = Pick<Profile, "units"> & Partial<Pick<Profile, "barKg" | "platesKg">>;

/** Everything a recommendation depends on; the same input always gives the same output. */
export interface PlanInput {
  plan: Plan;
  /** The log, any order; sessions before the plan started only seed starting loads. */
  sessions: readonly LoggedSession[];
  profile: PlanProfile;
  today: LocalDate;
}

export type SetKind = "work" | "amrap" | "supplemental" | "deload";

/** One prescribed set. */
export interface PrescribedSet {
  kind: SetKind;
  /** Target reps (the minimum for an "as many as you can" set, the bottom of a range). */
  reps: number;
  /** Top of a rep range, when the set has one. */
  repsMax?: number;
  /** Null when no load is known yet (bodyweight, or nothing logged to start from). */
  loadKg: number | null;
  /** Reps in reserve to stop at, for RIR-driven sets. */
  rir?: number;
}

/** Codes of the plan engine's words (English in `text`; the app words them from its catalogue). */
export const PLAN_WORD_CODES = [
  "sets.linear",
  "sets.double",
  "sets.repSum",
  "sets.wave531",
  "sets.wave531Bbb",
  "sets.wave531Deload",
  "sets.gzclp",
  "sets.meso",
  "sets.mesoDeload",
  "sets.deload",
  "rest.heavy",
  "rest.medium",
  "rest.light",
] as const;
export type PlanWordCode = (typeof PLAN_WORD_CODES)[number];

/** Words by code and parameters (numbers, and schemes like "3×5" that read the same in any language). */
export interface PlanWords {
  code: PlanWordCode;
  params: Record<string, string | number>;
}

/** Why each number of a prescription is what it is, in words. */
export interface Reasons {
  load: string;
  sets: string;
  rest: string;
  /** The reasons by code, for the app's catalogue. */
  words: { sets: PlanWords; rest: PlanWords; load: ReasonWords };
}

/** One lift of a session, ready to do. */
export interface Prescription {
  exerciseId: string;
  slot: PlanSlot;
  sets: PrescribedSet[];
  restS: number;
  reasons: Reasons;
  /** The load progression works from (the training max for 5/3/1), for progress charts and tests. */
  baseKg: number | null;
  /** A cue for a fault that keeps coming back, in the form engine's words. */
  cue: string | null;
  /** A library exercise that helps with that fault, and why. */
  corrective: Corrective | null;
}

/** A library exercise suggested for a recurring fault. */
export interface Corrective {
  exerciseId: string;
  /** The fault it helps with; the app words `why` by it. */
  faultId: string;
  why: string;
}

export type SessionStatus = "planned" | "done" | "skipped" | "rest";

/** One day of the schedule. */
export interface PlannedSession {
  date: LocalDate;
  status: SessionStatus;
  /** Index of the plan day done in rotation; null on rest days. */
  dayIndex: number | null;
  dayName: string | null;
  exercises: Prescription[];
}

/** Where one lift of the plan stands after the log, with why. */
export interface LiftStatus {
  exerciseId: string;
  slot: PlanSlot;
  /** Working load, or the training max for 5/3/1; null until known. */
  baseKg: number | null;
  reason: string;
  reasonWords: ReasonWords;
  cue: string | null;
  corrective: Corrective | null;
  /** Sessions of this lift logged under the plan. */
  sessions: number;
}

/** The recommendation: today and the seven days after it. */
export interface Recommendation {
  /** Every lift of the plan as the log leaves it, in plan order. */
  lifts: LiftStatus[];
  today: PlannedSession;
  /** The next session to do, wherever it falls (today when today is a planned day). */
  next: PlannedSession;
  week: PlannedSession[];
}
