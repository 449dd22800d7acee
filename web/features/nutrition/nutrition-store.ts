import { getDb } from "../../db/database";
import { LocalWriteError } from "../../db/errors";
import { newId } from "../../db/ids";
import type { CustomFoodRow, MealEntryRow, MeasurementRow, NutritionTargetsRow } from "../../db/records";
import { NUTRITION_TARGETS_KEY, type FoodRef, type Meal } from "../../../shared/schemas/nutrition";
import type { Nutrients } from "../../../shared/nutrition/nutrients";
import { recipeFood, type Ingredient } from "../../../shared/nutrition/recipe";
import { NutritionInputError, deleteRow, putRow, validRecord, writeWithOutbox } from "./nutrition-writes";

/** What the person chose to log. */
export interface EntryInput {
  date: string;
  meal: Meal;
  food: FoodRef;
  name: string;
  per100g: Nutrients;
  grams: number;
  portion: { label: string; grams: number; count: number } | null;
}

/** Logs a food in a meal. */
export async function addMealEntry(input: EntryInput, nowMs = Date.now()): Promise<MealEntryRow> {
  const db = getDb();
  const entry = validRecord("mealEntry", { id: newId(nowMs), ...input, loggedAt: nowMs, updatedAt: nowMs });
  await writeWithOutbox([db.mealEntries], async (queue) => {
    await db.mealEntries.add(entry);
    await queue(putRow("mealEntry", entry));
  });
  return entry;
}

/** Changes an entry's amount or meal. */
export async function editMealEntry(
  id: string,
  changes: Partial<Pick<MealEntryRow, "grams" | "portion" | "meal" | "date">>,
  nowMs = Date.now(),
): Promise<MealEntryRow> {
  const db = getDb();
  return writeWithOutbox([db.mealEntries], async (queue) => {
    const existing = await db.mealEntries.get(id);
    if (!existing) throw new LocalWriteError("not_found", "That entry is no longer on this device.");
    const next = validRecord("mealEntry", { ...existing, ...changes, updatedAt: nowMs });
    await db.mealEntries.put(next);
    await queue(putRow("mealEntry", next));
    return next;
  });
}

/** Removes an entry from the log. */
export async function deleteMealEntry(id: string): Promise<void> {
  const db = getDb();
  await writeWithOutbox([db.mealEntries], async (queue) => {
    await db.mealEntries.delete(id);
    await queue(deleteRow("mealEntry", id));
  });
}

/** Copies every entry of one meal (or of the whole day when `meal` is null) to another day. */
export async function copyEntries(
  fromDate: string,
  toDate: string,
  meal: Meal | null,
  nowMs = Date.now(),
): Promise<number> {
  const db = getDb();
  return writeWithOutbox([db.mealEntries], async (queue) => {
    const source = meal
      ? await db.mealEntries.where("[meal+date]").equals([meal, fromDate]).toArray()
      : await db.mealEntries.where("date").equals(fromDate).toArray();
    for (const [i, entry] of source.entries()) {
      const copy = validRecord("mealEntry", {
        ...entry,
        id: newId(nowMs + i),
        date: toDate,
        loggedAt: nowMs + i,
        updatedAt: nowMs,
      });
      await db.mealEntries.add(copy);
      await queue(putRow("mealEntry", copy));
    }
    return source.length;
  });
}

/** What the person enters for their own food; nutrients per 100 g, or per portion when `perPortion`. */
export interface CustomFoodInput {
  id?: string;
  name: string;
  barcode: string | null;
  nutrients: Nutrients;
  portion: { label: string; grams: number } | null;
  perPortion: boolean;
}

/** Saves a custom food, converting per-portion values to per 100 g. */
export async function saveCustomFood(input: CustomFoodInput, nowMs = Date.now()): Promise<CustomFoodRow> {
  const db = getDb();
  if (input.perPortion && !input.portion) {
    throw new NutritionInputError(
      { reason: "portion_needed" },
      "Portion: give its name and weight to enter values per portion.",
    );
  }
  const factor = input.perPortion && input.portion ? 100 / input.portion.grams : 1;
  const per100g = Object.fromEntries(
    Object.entries(input.nutrients).map(([key, value]) => [key, value === null ? null : value * factor]),
  );
  const food = validRecord("food", {
    id: input.id ?? newId(nowMs),
    name: input.name,
    barcode: input.barcode || null,
    per100g,
    portion: input.portion,
    updatedAt: nowMs,
  });
  return writeWithOutbox([db.foods], async (queue) => {
    if (food.barcode) {
      const clash = await db.foods.where("barcode").equals(food.barcode).first();
      if (clash && clash.id !== food.id && !clash.deletedAt) {
        throw new NutritionInputError(
          { reason: "barcode_taken", barcode: food.barcode, name: clash.name },
          `Barcode: ${food.barcode} is already "${clash.name}".`,
        );
      }
    }
    await db.foods.put(food);
    await queue(putRow("food", food));
    return food;
  });
}

/** Saves the daily targets (one record per person). */
export async function saveTargets(
  fields: Omit<NutritionTargetsRow, "id" | "updatedAt" | "deletedAt">,
  nowMs = Date.now(),
): Promise<NutritionTargetsRow> {
  const db = getDb();
  const targets = validRecord("nutritionTargets", { ...fields, id: NUTRITION_TARGETS_KEY, updatedAt: nowMs });
  return writeWithOutbox([db.nutritionTargets], async (queue) => {
    await db.nutritionTargets.put(targets);
    await queue(putRow("nutritionTargets", targets));
    return targets;
  });
}

/** Logs body weight as a measurement, the record the training log already syncs. */
export async function logBodyWeight(weightKg: number, nowMs = Date.now()): Promise<MeasurementRow> {
  const db = getDb();
  const row = validRecord("measurement", { id: newId(nowMs), measuredAt: nowMs, weightKg, updatedAt: nowMs });
  await writeWithOutbox([db.measurements], async (queue) => {
    await db.measurements.add(row);
    await queue(putRow("measurement", row));
  });
  return row;
}

/**
 * Saves foods eaten together as a recipe: a custom food whose nutrients are those of its
 * ingredients per 100 g of the whole, logged by the serving. `servingLabel` names the serving in
 * the language on screen when it is saved (it is the person's data from then on).
 */
export async function saveRecipe(
  name: string,
  ingredients: Ingredient[],
  servings: number,
  servingLabel?: string,
  nowMs = Date.now(),
): Promise<CustomFoodRow> {
  const recipe = recipeFood(ingredients, servings);
  if (!recipe)
    throw new NutritionInputError(
      { reason: "recipe_empty" },
      "Servings: a recipe needs ingredients and at least one serving.",
    );
  const db = getDb();
  const food = validRecord("food", {
    id: newId(nowMs),
    name,
    barcode: null,
    per100g: recipe.per100g,
    portion: { ...recipe.serving, label: servingLabel ?? recipe.serving.label },
    ingredients: ingredients.map(({ food, name: ingredientName, grams }) => ({
      food,
      name: ingredientName,
      grams,
    })),
    updatedAt: nowMs,
  });
  return writeWithOutbox([db.foods], async (queue) => {
    await db.foods.add(food);
    await queue(putRow("food", food));
    return food;
  });
}
