import type { Progression } from "../schemas/plan";
import type { Outcome } from "./outcome";
import { double, linear, repSum } from "./schemes-simple";
import { gzclp, rirMeso, wave531 } from "./schemes-waves";
import type { PrescribeContext, SchemeContext, SchemePrescription, SlotState } from "./state";

/** The sets a lift's progression prescribes from where it stands. */
export function prescribeFor(p: Progression, state: SlotState, ctx: PrescribeContext): SchemePrescription {
  switch (p.kind) {
    case "linear":
      return linear.prescribe(p, state, ctx);
    case "double":
      return double.prescribe(p, state, ctx);
    case "rep_sum":
      return repSum.prescribe(p, state, ctx);
    case "wave_531":
      return wave531.prescribe(p, state, ctx);
    case "gzclp":
      return gzclp.prescribe(p, state, ctx);
    case "rir_meso":
      return rirMeso.prescribe(p, state, ctx);
  }
}

/** Where a lift stands after a logged session went as `outcome` says. */
export function advanceFor(
  p: Progression,
  state: SlotState,
  outcome: Outcome,
  ctx: SchemeContext,
): SlotState {
  switch (p.kind) {
    case "linear":
      return linear.advance(p, state, outcome, ctx);
    case "double":
      return double.advance(p, state, outcome, ctx);
    case "rep_sum":
      return repSum.advance(p, state, outcome, ctx);
    case "wave_531":
      return wave531.advance(p, state, outcome, ctx);
    case "gzclp":
      return gzclp.advance(p, state, outcome, ctx);
    case "rir_meso":
      return rirMeso.advance(p, state, outcome, ctx);
  }
}

/** Reps of a first working set, to turn an estimated 1RM into a starting load. */
export function seedRepsFor(p: Progression): number {
  switch (p.kind) {
    case "linear":
      return linear.seedReps(p);
    case "double":
      return double.seedReps(p);
    case "rep_sum":
      return repSum.seedReps(p);
    case "wave_531":
      return wave531.seedReps(p);
    case "gzclp":
      return gzclp.seedReps(p);
    case "rir_meso":
      return rirMeso.seedReps(p);
  }
}
