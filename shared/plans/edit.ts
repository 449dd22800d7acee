import type { Exercise } from "../schemas/exercise";
import type { Plan, PlanSlot, Progression } from "../schemas/plan";
import { loadKindFor } from "./swap";

/** Most lifts a day may hold (the plan schema's limit). */
export const MAX_SLOTS_PER_DAY = 20;

/**
 * The progression a lift added by hand starts with: double progression 3×8–12, moving 2.5 kg for
 * loaded lifts; bodyweight lifts add reps only.
 */
export function defaultProgression(exercise: Exercise): Progression {
  const loaded = loadKindFor(exercise.equipment) !== "bodyweight";
  return { kind: "double", sets: 3, minReps: 8, maxReps: 12, incrementKg: loaded ? 2.5 : 0 };
}

/** The plan with `exercise` added at the end of day `dayIndex` (unchanged when the day is full). */
export function addLift(plan: Plan, dayIndex: number, exercise: Exercise): Plan {
  const slot: PlanSlot = {
    exerciseId: exercise.id,
    load: loadKindFor(exercise.equipment),
    progression: defaultProgression(exercise),
    startKg: null,
    restS: 90,
  };
  return {
    ...plan,
    days: plan.days.map((day, i) =>
      i === dayIndex && day.slots.length < MAX_SLOTS_PER_DAY ? { ...day, slots: [...day.slots, slot] } : day,
    ),
  };
}

/** The plan without lift `slotIndex` of day `dayIndex`; a day keeps at least one lift. */
export function removeLift(plan: Plan, dayIndex: number, slotIndex: number): Plan {
  return {
    ...plan,
    days: plan.days.map((day, i) =>
      i === dayIndex && day.slots.length > 1
        ? { ...day, slots: day.slots.filter((_, j) => j !== slotIndex) }
        : day,
    ),
  };
}
