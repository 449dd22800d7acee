import { roundLoadKg, stepUpKg } from "./load-steps";
import { describeEffort, RPE_MAX_TO_PROGRESS, type Outcome } from "./outcome";
import { loadOf, words, type ReasonWords } from "./reason-words";
import type { SchemeContext, SlotState } from "./state";

/** True when the session earns more load: reps made, effort not maximal, form held. */
export const mayProgress = (made: boolean, outcome: Outcome): boolean =>
  made && outcome.rpeOk && outcome.form.ok;

/** Why a made session did not earn more load ("form 68 < 80", "RPE 10 > 9"), as a list of words. */
export function gateFailure(outcome: Outcome): ReasonWords[] {
  const parts = [...outcome.form.failure];
  if (!outcome.rpeOk && outcome.rpeMax !== null)
    parts.push(words("gate.rpe", { rpe: outcome.rpeMax, max: RPE_MAX_TO_PROGRESS }));
  return parts;
}

/** More load by one increment (at least one real step with the person's plates). */
export function raise(
  state: SlotState,
  incrementKg: number,
  what: ReasonWords,
  outcome: Outcome,
  ctx: SchemeContext,
): SlotState {
  const from = state.baseKg!;
  const to = stepUpKg(from, incrementKg, ctx.slot.load, ctx.profile) ?? from;
  const effort = describeEffort(outcome);
  const change = loadOf(to - from, ctx.profile, true);
  return {
    ...state,
    baseKg: to,
    reason: effort
      ? words("load.raiseEffort", { change, what, effort })
      : words("load.raise", { change, what }),
  };
}

/** Same load, with why. */
export const hold = (state: SlotState, why: ReasonWords, ctx: SchemeContext): SlotState => ({
  ...state,
  reason: words("load.hold", { load: loadOf(state.baseKg!, ctx.profile), why }),
});

/** Load scaled by `factor` (rounded down to the plates), with why. */
export function lower(state: SlotState, factor: number, why: ReasonWords, ctx: SchemeContext): SlotState {
  const from = state.baseKg!;
  const to = roundLoadKg(from * factor, ctx.slot.load, ctx.profile, "down") ?? from;
  return changedTo(state, to, why, ctx);
}

/** The load set to `toKg`, the change and why in the reason. */
export const changedTo = (
  state: SlotState,
  toKg: number,
  why: ReasonWords,
  ctx: SchemeContext,
): SlotState => ({
  ...state,
  baseKg: toKg,
  reason: words("load.change", { change: loadOf(toKg - state.baseKg!, ctx.profile, true), why }),
});

/** "3 of 5 sets made", for reasons. */
export const madeCount = (outcome: Outcome): ReasonWords =>
  words("why.made", { made: outcome.setsMade.filter(Boolean).length, total: outcome.setsMade.length });

/** The prescribed load of a set rounded to the plates, or null when the lift has no load yet. */
export const loadAt = (baseKg: number | null, pct: number, ctx: Pick<SchemeContext, "slot" | "profile">) =>
  baseKg === null ? null : roundLoadKg((baseKg * pct) / 100, ctx.slot.load, ctx.profile);
