import type { PlanSlot, Progression } from "../schemas/plan";
import type { Outcome } from "./outcome";
import type { ReasonWords } from "./reason-words";
import type { PlanProfile, PlanWords, PrescribedSet } from "./types";

/** Where one lift of a plan stands, replayed from the log. */
export interface SlotState {
  /** Working load, or the training max for 5/3/1; null until known. */
  baseKg: number | null;
  /** Why `baseKg` is what it is, as words (English: {@link reasonText}). */
  reason: ReasonWords;
  /** 5/3/1 week, GZCLP stage or mesocycle week, from 0. */
  stage: number;
  /** Mesocycle: the plan week (see {@link SchemeContext.planWeek}) its current week was trained in. */
  stageWeek: number | null;
  /** Mesocycle: a session of the current week fell short of its target, so the week earns no load. */
  weekMissed: boolean;
  /** Sessions in a row that missed their reps at this load. */
  misses: number;
  /** 5/3/1: a set missed, or form broke down, somewhere in this cycle. */
  cycleMissed: boolean;
  cycleFormHeld: boolean;
  /** Recent form verdicts, newest last: true when form broke down. */
  breakdowns: boolean[];
  deloadNext: boolean;
  /** The most common fault of each of the last judged sessions, when frequent. */
  recentFaults: (string | null)[];
  /** How many sessions of this lift have been logged under the plan. */
  sessions: number;
}

/** What a scheme prescribes for one session. */
export interface SchemePrescription {
  sets: PrescribedSet[];
  /** Why these sets and reps ("week 2 of 4: 70/80/90 % of the training max"). */
  text: string;
  words: PlanWords;
}

/** Context a scheme advances in. */
export interface SchemeContext {
  slot: PlanSlot;
  profile: PlanProfile;
  /**
   * The plan's training week the session falls in: plan sessions before it over training days a
   * week. A mesocycle steps by it, not by session; skipped days do not move it.
   */
  planWeek: number;
  /**
   * This is the lift's last session of its plan week: its next one in the plan's rotation falls in
   * a later week. A mesocycle raises the load only then, so a week's sessions share one load.
   */
  lastOfWeek: boolean;
  prescribed: SchemePrescription;
}

/** What a scheme prescribes from: the context before the session is done. */
export type PrescribeContext = Omit<SchemeContext, "prescribed" | "lastOfWeek">;

/** A progression rule: what to do next session, and how a logged session moves the lift on. */
export interface Scheme<P extends Progression> {
  prescribe(p: P, state: SlotState, ctx: PrescribeContext): SchemePrescription;
  /** The next state after `outcome`; only called for a lift that was done, with a known load. */
  advance(p: P, state: SlotState, outcome: Outcome, ctx: SchemeContext): SlotState;
  /** Reps of a first working set, to turn an estimated 1RM into a starting load. */
  seedReps(p: P): number;
}

export const initialState = (baseKg: number | null, reason: ReasonWords): SlotState => ({
  baseKg,
  reason,
  stage: 0,
  stageWeek: null,
  weekMissed: false,
  misses: 0,
  cycleMissed: false,
  cycleFormHeld: true,
  breakdowns: [],
  deloadNext: false,
  recentFaults: [],
  sessions: 0,
});
