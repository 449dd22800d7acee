import { planFromProgram, PROGRAMS } from "../../shared/plans/programs";
import type { EntityKind } from "../../shared/schemas/entities";
import { profileRecord, squatSet, uuid7 } from "./helpers";

export const T0 = 1_772_000_000_000;
const per100g = {
  energyKcal: 120,
  proteinG: 10,
  fatG: 4,
  carbG: 12,
  fiberG: null,
  sugarG: null,
  saturatedFatG: null,
  sodiumMg: null,
};

/**
 * One valid record of every kind that syncs, keyed by kind: a kind added to the sync table without
 * an example here fails to compile, so the matrix below always covers every kind.
 */
export function examples(ids: {
  workout: string;
  food: string;
}): Record<EntityKind, { key: string; value: object }> {
  const program = PROGRAMS[0];
  if (!program) throw new Error("no built-in program");
  return {
    profile: {
      key: "self",
      value: profileRecord(T0),
    },
    workout: {
      key: ids.workout,
      value: { id: ids.workout, startedAt: T0, name: "A's workout", updatedAt: T0 },
    },
    set: { key: uuid7(), value: squatSet("", ids.workout, T0) },
    measurement: { key: uuid7(), value: { measuredAt: T0, weightKg: 70, updatedAt: T0 } },
    plan: {
      key: uuid7(),
      value: planFromProgram(program, { id: "", startedOn: "2026-03-02", weekdays: [1, 3, 5], nowMs: T0 }),
    },
    food: {
      key: ids.food,
      value: { name: "A's granola", barcode: "4006381333931", per100g, portion: null, updatedAt: T0 },
    },
    mealEntry: {
      key: uuid7(),
      value: {
        date: "2026-03-02",
        meal: "breakfast",
        food: { source: "custom", foodId: ids.food },
        name: "A's granola",
        grams: 80,
        portion: null,
        per100g,
        loggedAt: T0,
        updatedAt: T0,
      },
    },
    nutritionTargets: {
      key: "self",
      value: {
        id: "self",
        energyMode: "manual",
        macroMode: "manual",
        activity: "moderate",
        goal: "maintain",
        energyKcal: 2100,
        proteinG: 140,
        carbG: 220,
        fatG: 70,
        updatedAt: T0,
      },
    },
  };
}
