import { MAX_KCAL_PER_100G } from "../schemas/nutrition";
import type { FoodRef } from "../schemas/nutrition";
import { nutrientsForGrams, zeroNutrients, NUTRIENT_KEYS, type Nutrients } from "./nutrients";
import { totalOf } from "./meal-log";

/** One ingredient of a recipe: a food and how much of it goes in. */
export interface Ingredient {
  food: FoodRef;
  name: string;
  grams: number;
  per100g: Nutrients;
}

/** A recipe as a food: nutrients per 100 g of the whole, and one serving's weight. */
export interface RecipeFood {
  per100g: Nutrients;
  totalGrams: number;
  serving: { label: string; grams: number };
}

/**
 * Turns ingredients into a food: the nutrients of everything that goes in, per 100 g of the total
 * weight, and a serving of `total / servings` grams. (Weight lost in cooking is not modelled: the
 * raw weights are the recipe's weight.) Null for a recipe with no weight.
 */
export function recipeFood(ingredients: readonly Ingredient[], servings: number): RecipeFood | null {
  const totalGrams = ingredients.reduce((sum, item) => sum + item.grams, 0);
  if (totalGrams <= 0 || !(servings > 0)) return null;
  const total = totalOf(
    ingredients.map((item) => ({ date: "", meal: "snacks", grams: item.grams, per100g: item.per100g })),
  );
  const per100g = zeroNutrients();
  for (const key of NUTRIENT_KEYS) per100g[key] = ((total[key] ?? 0) * 100) / totalGrams;
  per100g.energyKcal = Math.min(per100g.energyKcal, MAX_KCAL_PER_100G);
  return { per100g, totalGrams, serving: { label: "1 serving", grams: totalGrams / servings } };
}

/** The nutrients of one serving of a recipe food. */
export const servingNutrients = (recipe: RecipeFood): Nutrients =>
  nutrientsForGrams(recipe.per100g, recipe.serving.grams);
