import type { NutritionTargets } from "../schemas/nutrition";
import { macroTargets, targetsFromProfile, type BodyFacts, type DailyTargets } from "./targets";

/** Settings a person starts from before saving any: energy and macros follow the profile. */
export const DEFAULT_TARGET_SETTINGS: Omit<NutritionTargets, "id" | "updatedAt" | "deletedAt"> = {
  energyMode: "profile",
  macroMode: "goal",
  activity: "moderate",
  goal: "maintain",
  energyKcal: 2000,
  proteinG: 120,
  carbG: 230,
  fatG: 65,
};

/** Profile facts the energy formula lacks, by name shown to people. */
export const MISSING_FACT_LABELS = {
  weightKg: "weight",
  heightCm: "height",
  birthYear: "birth year",
} as const;
/** A profile fact the energy formula lacks: the stable code the UI words from its catalogue. */
export type MissingFact = keyof typeof MISSING_FACT_LABELS;
/** Every missing-fact code. */
export const MISSING_FACTS = Object.keys(MISSING_FACT_LABELS) as MissingFact[];

/**
 * The targets in force: energy from the profile (Mifflin–St Jeor × activity × goal) or as set by
 * hand, macros from the goal or as set by hand. When the profile lacks a fact, energy falls back to
 * the hand-set value and `missing` names what to add; without a weight, protein is 20 % of energy.
 */
export function effectiveTargets(
  settings: Omit<NutritionTargets, "id" | "updatedAt" | "deletedAt">,
  body: BodyFacts,
  year: number,
): { targets: DailyTargets; missing: MissingFact[] } {
  let energyKcal = settings.energyKcal;
  let missing: MissingFact[] = [];
  if (settings.energyMode === "profile") {
    const fromProfile = targetsFromProfile(body, settings.activity, settings.goal, year);
    if ("targets" in fromProfile) energyKcal = fromProfile.targets.energyKcal;
    else missing = fromProfile.missing;
  }
  if (settings.macroMode === "manual") {
    const { proteinG, carbG, fatG } = settings;
    return { targets: { energyKcal, proteinG, carbG, fatG }, missing };
  }
  const weightKg = body.weightKg ?? (energyKcal * 0.2) / 4 / 1.6;
  return { targets: { energyKcal, ...macroTargets(energyKcal, weightKg, settings.goal) }, missing };
}
