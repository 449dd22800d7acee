import { EXERCISES } from "../form/exercises";
import type { ExerciseId } from "../form/types";
import { coachIdFor, COACH_EXERCISE_IDS } from "../schemas/exercise";
import { lower } from "./moves";
import { loadOf, words } from "./reason-words";
import type { Outcome } from "./outcome";
import type { SchemeContext, SlotState } from "./state";

/** Sessions remembered when looking for repeated breakdown. */
const BREAKDOWN_WINDOW = 4;
/** Breakdowns within the window that schedule a deload. */
const BREAKDOWNS_FOR_DELOAD = 3;
/** A fault on at least this share of reps, in each of the last two judged sessions, earns a cue. */
const RECURRING_FAULT_RATE = 0.3;
/** A deload session works at this percent of the load. */
export const DELOAD_PCT = 60;

/**
 * Form-aware autoregulation on top of a scheme's move: form breaking down once holds the load (the
 * scheme already refused to add any), twice in a row lowers it 10 %, and three times in the last
 * four sessions schedules a deload session.
 */
export function autoregulate(
  before: SlotState,
  after: SlotState,
  outcome: Outcome,
  ctx: SchemeContext,
): SlotState {
  if (!outcome.form.judged) return after;
  const broke = !outcome.form.ok;
  const breakdowns = [...before.breakdowns, broke].slice(-BREAKDOWN_WINDOW);
  const frequent = outcome.form.commonFault && outcome.form.commonFault.rate >= RECURRING_FAULT_RATE;
  const recentFaults = [...before.recentFaults, frequent ? outcome.form.commonFault!.id : null].slice(-2);
  const next = { ...after, breakdowns, recentFaults };
  if (!broke) return next;
  if (breakdowns.filter(Boolean).length >= BREAKDOWNS_FOR_DELOAD) {
    return {
      ...next,
      breakdowns: [],
      deloadNext: true,
      reason: words("load.deloadNext", {
        count: BREAKDOWNS_FOR_DELOAD,
        window: BREAKDOWN_WINDOW,
        gate: outcome.form.failure,
      }),
    };
  }
  const twice = breakdowns.length >= 2 && breakdowns.at(-2) === true;
  // Lower from the load the person broke down at, never from a raise the scheme may have made.
  if (twice)
    return lower(
      { ...next, baseKg: Math.min(after.baseKg!, before.baseKg!) },
      0.9,
      words("why.formTwice", { load: loadOf(before.baseKg!, ctx.profile), gate: outcome.form.failure }),
      ctx,
    );
  return next;
}

/** After a deload session: back to the working load, breakdowns forgiven. */
export const afterDeload = (state: SlotState, ctx: SchemeContext): SlotState => ({
  ...state,
  deloadNext: false,
  breakdowns: [],
  reason: words("load.backAfterDeload", { load: loadOf(state.baseKg!, ctx.profile) }),
});

const isEngineId = (id: string): id is ExerciseId => (COACH_EXERCISE_IDS as readonly string[]).includes(id);

/** The form engine's cue for a fault of an exercise (dataset or engine id), or null. */
export function cueFor(exerciseId: string, faultId: string): string | null {
  const engineId = isEngineId(exerciseId) ? exerciseId : coachIdFor(exerciseId);
  if (!engineId) return null;
  return EXERCISES[engineId].faults.find((fault) => fault.id === faultId)?.cue ?? null;
}

/** The fault that was frequent in each of the last two judged sessions, if any. */
export function recurringFault(state: SlotState): string | null {
  const [a, b] = state.recentFaults;
  return a && a === b ? a : null;
}

/** A cue when the same fault was frequent in each of the last two judged sessions. */
export function recurringCue(state: SlotState, exerciseId: string): string | null {
  const fault = recurringFault(state);
  return fault ? cueFor(exerciseId, fault) : null;
}
