import type { Meal } from "../../../shared/schemas/nutrition";

/** One source for meal names shown to people. */
export const MEAL_LABELS: Record<Meal, string> = {
  breakfast: "Breakfast",
  lunch: "Lunch",
  dinner: "Dinner",
  snacks: "Snacks",
};

/** Grams as people read them: whole grams from 10 g, one decimal below. */
export const formatGrams = (grams: number): string => (grams >= 10 ? grams.toFixed(0) : grams.toFixed(1));

/** Energy in whole kcal. */
export const formatKcal = (kcal: number): string => Math.round(kcal).toLocaleString("en");

/** A message for a failed action, in words. */
export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
