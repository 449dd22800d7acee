import type { PlanSlot } from "../schemas/plan";
import { bestOneRepMax, percentOfMax } from "./estimate";
import { formatLoad } from "./format";
import { roundLoadKg } from "./load-steps";
import { seedRepsFor } from "./schemes";
import { TRAINING_MAX_OF_1RM } from "./schemes-waves";
import { initialState, type SlotState } from "./state";
import type { LoggedSet, PlanProfile } from "./types";

/** RPE a seeded first session aims at: hard enough to count, with two reps to spare. */
const SEED_RPE = 8;

/**
 * Where a lift starts: the plan's own starting load, else one worked out from the best estimated
 * 1RM in the log before the plan (a training max of 90 % for 5/3/1, else a load for the first
 * set's reps at RPE 8), else unknown until the first session is logged.
 */
export function seedState(slot: PlanSlot, history: readonly LoggedSet[], profile: PlanProfile): SlotState {
  if (slot.load === "bodyweight") return initialState(null, "Bodyweight: no load to add");
  if (slot.startKg !== null) {
    const startKg = roundLoadKg(slot.startKg, slot.load, profile, "down")!;
    const what = slot.progression.kind === "wave_531" ? "Training max" : "Starting load";
    return initialState(startKg, `${what} ${formatLoad(startKg, profile)}, as set in the plan`);
  }
  const best = bestOneRepMax(history);
  if (!best)
    return initialState(
      null,
      "No load yet: use one you can lift with good form, and the plan takes it from there",
    );
  const source = `your estimated 1RM of ${formatLoad(best.kg, profile)} (${best.set.reps} × ${formatLoad(best.set.weightKg!, profile)})`;
  if (slot.progression.kind === "wave_531") {
    const tm = roundLoadKg(best.kg * TRAINING_MAX_OF_1RM, slot.load, profile, "down")!;
    return initialState(tm, `Training max ${formatLoad(tm, profile)}: 90 % of ${source}`);
  }
  const reps = seedRepsFor(slot.progression);
  const pct = percentOfMax(reps, SEED_RPE);
  const kg = roundLoadKg((best.kg * pct) / 100, slot.load, profile, "down")!;
  return initialState(
    kg,
    `${formatLoad(kg, profile)}: ${reps} reps at RPE ${SEED_RPE} (${Math.round(pct)} %) of ${source}`,
  );
}

/** Starting state from the first session of a lift that had no load: what the person used. */
export function seedFromSession(
  state: SlotState,
  slot: PlanSlot,
  performed: readonly LoggedSet[],
  profile: PlanProfile,
): SlotState {
  if (slot.progression.kind === "wave_531") {
    const best = bestOneRepMax(performed);
    if (!best) return state;
    const tm = roundLoadKg(best.kg * TRAINING_MAX_OF_1RM, slot.load, profile, "down")!;
    return {
      ...state,
      baseKg: tm,
      reason: `Training max ${formatLoad(tm, profile)}: 90 % of the estimated 1RM from your first session`,
    };
  }
  const top = Math.max(0, ...performed.map((set) => set.weightKg ?? 0));
  if (top <= 0) return state;
  const kg = roundLoadKg(top, slot.load, profile, "down")!;
  return { ...state, baseKg: kg, reason: `${formatLoad(kg, profile)}: the load of your first session` };
}
