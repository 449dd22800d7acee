import type { PlanSlot } from "../schemas/plan";
import { bestOneRepMax, percentOfMax } from "./estimate";
import { roundLoadKg } from "./load-steps";
import { seedRepsFor } from "./schemes";
import { TRAINING_MAX_OF_1RM } from "./schemes-waves";
import { loadOf, words } from "./reason-words";
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
  if (slot.load === "bodyweight") return initialState(null, words("load.bodyweight"));
  if (slot.startKg !== null) {
    const startKg = roundLoadKg(slot.startKg, slot.load, profile, "down")!;
    const code = slot.progression.kind === "wave_531" ? "load.trainingMaxSet" : "load.startSet";
    return initialState(startKg, words(code, { load: loadOf(startKg, profile) }));
  }
  const best = bestOneRepMax(history);
  if (!best) return initialState(null, words("load.noneYet"));
  const source = words("source.max", {
    max: loadOf(best.kg, profile),
    reps: best.set.reps,
    weight: loadOf(best.set.weightKg!, profile),
  });
  if (slot.progression.kind === "wave_531") {
    const tm = roundLoadKg(best.kg * TRAINING_MAX_OF_1RM, slot.load, profile, "down")!;
    return initialState(tm, words("load.trainingMaxFromMax", { load: loadOf(tm, profile), source }));
  }
  const reps = seedRepsFor(slot.progression);
  const pct = percentOfMax(reps, SEED_RPE);
  const kg = roundLoadKg((best.kg * pct) / 100, slot.load, profile, "down")!;
  return initialState(
    kg,
    words("load.fromMax", { load: loadOf(kg, profile), reps, rpe: SEED_RPE, pct: Math.round(pct), source }),
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
      reason: words("load.trainingMaxFirst", { load: loadOf(tm, profile) }),
    };
  }
  const top = Math.max(0, ...performed.map((set) => set.weightKg ?? 0));
  if (top <= 0) return state;
  const kg = roundLoadKg(top, slot.load, profile, "down")!;
  return { ...state, baseKg: kg, reason: words("load.first", { load: loadOf(kg, profile) }) };
}
