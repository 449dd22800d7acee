import { MEALS, type FoodRef, type Meal } from "../schemas/nutrition";
import { addNutrients, nutrientsForGrams, zeroNutrients, type Nutrients } from "./nutrients";

/** What a log entry needs for totals: its amount and the food's nutrients per 100 g. */
export interface LoggedAmount {
  date: string;
  meal: Meal;
  grams: number;
  per100g: Nutrients;
}

/** The nutrients of a set of entries. */
export function totalOf(entries: readonly LoggedAmount[]): Nutrients {
  return entries.reduce(
    (sum, entry) => addNutrients(sum, nutrientsForGrams(entry.per100g, entry.grams)),
    zeroNutrients(),
  );
}

/** A day's totals, per meal and for the whole day. */
export function dayTotals(entries: readonly LoggedAmount[]): {
  byMeal: Record<Meal, Nutrients>;
  day: Nutrients;
} {
  const byMeal = Object.fromEntries(
    MEALS.map((meal) => [meal, totalOf(entries.filter((entry) => entry.meal === meal))]),
  ) as Record<Meal, Nutrients>;
  return { byMeal, day: totalOf(entries) };
}

/** Energy eaten on each of `days` (0 for a day with nothing logged). */
export function energyByDay(entries: readonly LoggedAmount[], days: readonly string[]): number[] {
  const kcal = new Map<string, number>(days.map((day) => [day, 0]));
  for (const entry of entries) {
    const sum = kcal.get(entry.date);
    if (sum !== undefined) kcal.set(entry.date, sum + (entry.per100g.energyKcal * entry.grams) / 100);
  }
  return days.map((day) => kcal.get(day) ?? 0);
}

/** A food as logged, for the recent list. */
export interface LoggedFood {
  food: FoodRef;
  name: string;
  loggedAt: number;
}

/** The key that identifies one food across entries. */
export const foodKey = (ref: FoodRef): string =>
  ref.source === "usda" ? `usda:${ref.ndb}` : `custom:${ref.foodId}`;

/**
 * Recent and frequent foods first, for an empty search: each food scores how often it was logged,
 * with each log weighing half as much for every week it is old. One entry per food, best first.
 */
export function rankRecentFoods<T extends LoggedFood>(entries: readonly T[], nowMs: number, limit = 10): T[] {
  const weekMs = 7 * 24 * 3600 * 1000;
  const best = new Map<string, { entry: T; score: number }>();
  for (const entry of entries) {
    const key = foodKey(entry.food);
    const weight = 0.5 ** (Math.max(0, nowMs - entry.loggedAt) / weekMs);
    const seen = best.get(key);
    if (!seen) best.set(key, { entry, score: weight });
    else {
      seen.score += weight;
      if (entry.loggedAt > seen.entry.loggedAt) seen.entry = entry;
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((item) => item.entry);
}
