/**
 * The nutrients Spotter tracks, in the order the food index stores them. Units are in the names:
 * energy in kcal, sodium in mg, everything else in grams.
 */
export const NUTRIENT_KEYS = [
  "energyKcal",
  "proteinG",
  "fatG",
  "carbG",
  "fiberG",
  "sugarG",
  "saturatedFatG",
  "sodiumMg",
] as const;
export type NutrientKey = (typeof NUTRIENT_KEYS)[number];

/** The four every food has (the macro targets are set on them). */
export const CORE_NUTRIENT_KEYS = ["energyKcal", "proteinG", "fatG", "carbG"] as const;
export type CoreNutrientKey = (typeof CORE_NUTRIENT_KEYS)[number];

/** Nutrient amounts; `null` where the source did not measure it (not the same as zero). */
export type Nutrients = Record<CoreNutrientKey, number> &
  Record<Exclude<NutrientKey, CoreNutrientKey>, number | null>;

/** What people read for each nutrient, with its unit. One source for labels. */
export const NUTRIENT_LABELS: Record<NutrientKey, { label: string; unit: "kcal" | "g" | "mg" }> = {
  energyKcal: { label: "Energy", unit: "kcal" },
  proteinG: { label: "Protein", unit: "g" },
  fatG: { label: "Fat", unit: "g" },
  carbG: { label: "Carbohydrate", unit: "g" },
  fiberG: { label: "Fibre", unit: "g" },
  sugarG: { label: "Sugars", unit: "g" },
  saturatedFatG: { label: "Saturated fat", unit: "g" },
  sodiumMg: { label: "Sodium", unit: "mg" },
};

/** All zeros: the start of a sum. */
export function zeroNutrients(): Nutrients {
  return {
    energyKcal: 0,
    proteinG: 0,
    fatG: 0,
    carbG: 0,
    fiberG: 0,
    sugarG: 0,
    saturatedFatG: 0,
    sodiumMg: 0,
  };
}

/** The nutrients in `grams` of a food given per 100 g. Unmeasured stays unmeasured. */
export function nutrientsForGrams(per100g: Nutrients, grams: number): Nutrients {
  const out = zeroNutrients();
  for (const key of NUTRIENT_KEYS) {
    const value = per100g[key];
    (out as Record<NutrientKey, number | null>)[key] = value === null ? null : (value * grams) / 100;
  }
  return out;
}

/** Sums nutrient amounts; an unmeasured value counts as zero in a total. */
export function addNutrients(a: Nutrients, b: Nutrients): Nutrients {
  const out = zeroNutrients();
  for (const key of NUTRIENT_KEYS) out[key] = (a[key] ?? 0) + (b[key] ?? 0);
  return out;
}
