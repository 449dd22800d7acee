import { formatChange, formatLoad } from "./format";
import { roundLoadKg, stepUpKg } from "./load-steps";
import { describeEffort, RPE_MAX_TO_PROGRESS, type Outcome } from "./outcome";
import type { SchemeContext, SlotState } from "./state";

/** True when the session earns more load: reps made, effort not maximal, form held. */
export const mayProgress = (made: boolean, outcome: Outcome): boolean =>
  made && outcome.rpeOk && outcome.form.ok;

/** Why a made session did not earn more load ("form 68 < 80", "RPE 10 > 9"). */
export function gateFailure(outcome: Outcome): string {
  const parts: string[] = [];
  if (outcome.form.failure) parts.push(outcome.form.failure);
  if (!outcome.rpeOk && outcome.rpeMax !== null) parts.push(`RPE ${outcome.rpeMax} > ${RPE_MAX_TO_PROGRESS}`);
  return parts.join(", ");
}

/** More load by one increment (at least one real step with the person's plates). */
export function raise(
  state: SlotState,
  incrementKg: number,
  what: string,
  outcome: Outcome,
  ctx: SchemeContext,
): SlotState {
  const from = state.baseKg!;
  const to = stepUpKg(from, incrementKg, ctx.slot.load, ctx.profile) ?? from;
  const effort = describeEffort(outcome);
  return {
    ...state,
    baseKg: to,
    reason: `${formatChange(to - from, ctx.profile)}: ${what}${effort ? ` ${effort}` : ""}`,
  };
}

/** Same load, with why. */
export const hold = (state: SlotState, why: string, ctx: SchemeContext): SlotState => ({
  ...state,
  reason: `Same ${formatLoad(state.baseKg!, ctx.profile)}: ${why}`,
});

/** Load scaled by `factor` (rounded down to the plates), with why. */
export function lower(state: SlotState, factor: number, why: string, ctx: SchemeContext): SlotState {
  const from = state.baseKg!;
  const to = roundLoadKg(from * factor, ctx.slot.load, ctx.profile, "down") ?? from;
  return { ...state, baseKg: to, reason: `${formatChange(to - from, ctx.profile)}: ${why}` };
}

/** "3 of 5 sets" made, for reasons. */
export const madeCount = (outcome: Outcome) =>
  `${outcome.setsMade.filter(Boolean).length} of ${outcome.setsMade.length} sets made`;

/** The prescribed load of a set rounded to the plates, or null when the lift has no load yet. */
export const loadAt = (baseKg: number | null, pct: number, ctx: Pick<SchemeContext, "slot" | "profile">) =>
  baseKg === null ? null : roundLoadKg((baseKg * pct) / 100, ctx.slot.load, ctx.profile);
