import { getDb } from "../../db/database";
import { validRows } from "../../db/queries";
import type { CustomFoodRow, MealEntryRow, MeasurementRow, NutritionTargetsRow } from "../../db/records";
import { NUTRITION_TARGETS_KEY } from "../../../shared/schemas/nutrition";

const live = <T extends { deletedAt?: number }>(rows: T[]) =>
  rows.filter((row) => row.deletedAt === undefined);

/** A day's entries in the order they were logged. */
export async function entriesOfDay(date: string): Promise<MealEntryRow[]> {
  const rows = validRows("mealEntry", await getDb().mealEntries.where("date").equals(date).toArray());
  return live(rows).sort((a, b) => a.loggedAt - b.loggedAt);
}

/** Entries from `fromDate` to `toDate` inclusive (a week's trend). */
export async function entriesBetween(fromDate: string, toDate: string): Promise<MealEntryRow[]> {
  return live(
    validRows(
      "mealEntry",
      await getDb().mealEntries.where("date").between(fromDate, toDate, true, true).toArray(),
    ),
  );
}

/** The latest entries, for recent and frequent foods on an empty search. */
export async function latestEntries(limit = 200): Promise<MealEntryRow[]> {
  const rows = validRows(
    "mealEntry",
    await getDb().mealEntries.orderBy("date").reverse().limit(limit).toArray(),
  );
  return live(rows);
}

/** The person's own foods, by name. */
export async function customFoods(): Promise<CustomFoodRow[]> {
  return live(validRows("food", await getDb().foods.toArray())).sort((a, b) => a.name.localeCompare(b.name));
}

/** The custom food saved with `barcode`, if any. */
export async function foodByBarcode(barcode: string): Promise<CustomFoodRow | undefined> {
  const rows = validRows("food", await getDb().foods.where("barcode").equals(barcode).toArray());
  return live(rows)[0];
}

/** The saved targets, or undefined before the person sets any. */
export async function savedTargets(): Promise<NutritionTargetsRow | undefined> {
  const [row] = validRows(
    "nutritionTargets",
    [await getDb().nutritionTargets.get(NUTRITION_TARGETS_KEY)].filter(Boolean),
  );
  return row?.deletedAt === undefined ? row : undefined;
}

/** Body weights since `sinceMs`, oldest first. */
export async function bodyWeightsSince(sinceMs: number): Promise<MeasurementRow[]> {
  const rows = validRows(
    "measurement",
    await getDb().measurements.where("measuredAt").aboveOrEqual(sinceMs).toArray(),
  );
  return live(rows).filter((row) => typeof row.weightKg === "number");
}
