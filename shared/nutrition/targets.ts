/** How active a person is outside logged training, with Mifflin–St Jeor's usual multipliers. */
export const ACTIVITY_LEVELS = ["sedentary", "light", "moderate", "active", "very_active"] as const;
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];
export const ACTIVITY_FACTOR: Record<ActivityLevel, number> = {
  sedentary: 1.2,
  light: 1.375,
  moderate: 1.55,
  active: 1.725,
  very_active: 1.9,
};
export const ACTIVITY_LABELS: Record<ActivityLevel, string> = {
  sedentary: "Sedentary (desk job, little walking)",
  light: "Light (1–3 active days a week)",
  moderate: "Moderate (3–5 active days a week)",
  active: "Active (6–7 active days a week)",
  very_active: "Very active (physical job or twice a day)",
};

/** What the diet is for. */
export const DIET_GOALS = ["lose", "maintain", "gain"] as const;
export type DietGoal = (typeof DIET_GOALS)[number];
export const DIET_GOAL_LABELS: Record<DietGoal, string> = {
  lose: "Lose weight",
  maintain: "Maintain weight",
  gain: "Gain weight",
};

/** Energy change from maintenance per goal: a 20 % deficit or a 10 % surplus. */
const GOAL_ENERGY_FACTOR: Record<DietGoal, number> = { lose: 0.8, maintain: 1, gain: 1.1 };
/** Protein per kg of body weight per goal (higher while losing, to keep muscle). */
const PROTEIN_G_PER_KG: Record<DietGoal, number> = { lose: 2, maintain: 1.6, gain: 1.8 };
/** Share of energy from fat; carbohydrate takes the rest. */
const FAT_ENERGY_SHARE = 0.27;
const KCAL_PER_G = { protein: 4, carb: 4, fat: 9 } as const;

/** Daily targets for energy and the three macronutrients. */
export interface DailyTargets {
  energyKcal: number;
  proteinG: number;
  carbG: number;
  fatG: number;
}

/** What the energy formula needs from the profile. */
export interface BodyFacts {
  weightKg: number | null;
  heightCm: number | null;
  birthYear: number | null;
  sex: "female" | "male" | "other" | "unspecified";
}

/**
 * Resting energy by Mifflin–St Jeor (1990): 10 × kg + 6.25 × cm − 5 × years, +5 for men, −161 for
 * women; for anyone else the mean of the two (−78). `null` lists the facts that are missing.
 */
export function restingEnergyKcal(
  body: BodyFacts,
  year: number,
): { kcal: number } | { missing: ("weightKg" | "heightCm" | "birthYear")[] } {
  const missing = (["weightKg", "heightCm", "birthYear"] as const).filter((key) => body[key] === null);
  if (body.weightKg === null || body.heightCm === null || body.birthYear === null) return { missing };
  const ageYears = year - body.birthYear;
  const sexTerm = body.sex === "male" ? 5 : body.sex === "female" ? -161 : -78;
  return { kcal: 10 * body.weightKg + 6.25 * body.heightCm - 5 * ageYears + sexTerm };
}

/** Macronutrient grams for an energy target and goal: protein by body weight, fat by share, carbs the rest. */
export function macroTargets(
  energyKcal: number,
  weightKg: number,
  goal: DietGoal,
): Omit<DailyTargets, "energyKcal"> {
  const proteinG = Math.round(PROTEIN_G_PER_KG[goal] * weightKg);
  const fatG = Math.round((energyKcal * FAT_ENERGY_SHARE) / KCAL_PER_G.fat);
  const carbKcal = energyKcal - proteinG * KCAL_PER_G.protein - fatG * KCAL_PER_G.fat;
  return { proteinG, fatG, carbG: Math.max(0, Math.round(carbKcal / KCAL_PER_G.carb)) };
}

/** Daily targets from the profile, activity and goal; `missing` when the profile lacks a fact. */
export function targetsFromProfile(
  body: BodyFacts,
  activity: ActivityLevel,
  goal: DietGoal,
  year: number,
): { targets: DailyTargets } | { missing: ("weightKg" | "heightCm" | "birthYear")[] } {
  const resting = restingEnergyKcal(body, year);
  if ("missing" in resting || body.weightKg === null)
    return { missing: "missing" in resting ? resting.missing : [] };
  const energyKcal =
    Math.round((resting.kcal * ACTIVITY_FACTOR[activity] * GOAL_ENERGY_FACTOR[goal]) / 10) * 10;
  return { targets: { energyKcal, ...macroTargets(energyKcal, body.weightKg, goal) } };
}
