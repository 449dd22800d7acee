import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { SpotterDb, setDatabase } from "../../db/database";
import { zeroNutrients } from "../../../shared/nutrition/nutrients";
import { entriesOfDay, foodByBarcode } from "./nutrition-queries";
import {
  addMealEntry,
  copyEntries,
  deleteMealEntry,
  editMealEntry,
  saveCustomFood,
  saveRecipe,
} from "./nutrition-store";

let db: SpotterDb;
let n = 0;
beforeEach(() => {
  db = new SpotterDb(`nutrition-test-${n++}`);
  setDatabase(db);
});

const egg = { ...zeroNutrients(), energyKcal: 143, proteinG: 12.56, fatG: 9.51, carbG: 0.72 };
const eggEntry = (date: string, meal: "breakfast" | "dinner", grams = 100) => ({
  date,
  meal,
  food: { source: "usda" as const, ndb: "01123" },
  name: "Egg, whole, raw, fresh",
  per100g: egg,
  grams,
  portion: null,
});

describe("meal log writes", () => {
  it("store an entry with its outbox row, and a delete queues one too", async () => {
    const entry = await addMealEntry(eggEntry("2026-03-01", "breakfast"));
    expect((await entriesOfDay("2026-03-01")).map((e) => e.name)).toEqual(["Egg, whole, raw, fresh"]);
    await deleteMealEntry(entry.id);
    expect(await entriesOfDay("2026-03-01")).toEqual([]);
    const outbox = await db.outbox.orderBy("id").toArray();
    expect(outbox.map((row) => [row.entity, row.op, row.key])).toEqual([
      ["mealEntry", "put", entry.id],
      ["mealEntry", "delete", entry.id],
    ]);
  });

  it("refuse a zero or negative amount, naming it, and write nothing", async () => {
    await expect(addMealEntry(eggEntry("2026-03-01", "breakfast", -20))).rejects.toThrow(/^Amount: /);
    const entry = await addMealEntry(eggEntry("2026-03-01", "breakfast"));
    await expect(editMealEntry(entry.id, { grams: 0 })).rejects.toThrow(/^Amount: /);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.mealEntries.get(entry.id))?.grams).toBe(100);
  });

  it("copy one meal to another day, leaving the other meals", async () => {
    await addMealEntry(eggEntry("2026-03-01", "breakfast", 50));
    await addMealEntry(eggEntry("2026-03-01", "dinner", 150));
    expect(await copyEntries("2026-03-01", "2026-03-02", "dinner")).toBe(1);
    const copied = await entriesOfDay("2026-03-02");
    expect(copied.map((e) => [e.meal, e.grams])).toEqual([["dinner", 150]]);
    expect(await copyEntries("2026-03-01", "2026-03-03", null)).toBe(2);
  });
});

describe("custom foods", () => {
  const bar = {
    name: "Oat protein bar",
    barcode: "4006381333931",
    nutrients: { ...zeroNutrients(), energyKcal: 210, proteinG: 19.8, fatG: 5.4, carbG: 24 },
    portion: { label: "1 bar", grams: 60 },
    perPortion: true,
  };

  it("convert values per portion to per 100 g and are found by barcode", async () => {
    await saveCustomFood(bar);
    const found = await foodByBarcode("4006381333931");
    expect(found?.name).toBe("Oat protein bar");
    expect(found?.per100g.energyKcal).toBeCloseTo(350, 9);
    expect(found?.per100g.proteinG).toBeCloseTo(33, 9);
    expect(await foodByBarcode("4006381333932")).toBeUndefined();
  });

  it("refuse a barcode another food already has, and absurd energy", async () => {
    await saveCustomFood(bar);
    await expect(saveCustomFood({ ...bar, name: "Other bar" })).rejects.toThrow(/^Barcode: /);
    await expect(
      saveCustomFood({
        ...bar,
        barcode: null,
        perPortion: false,
        nutrients: { ...bar.nutrients, energyKcal: 2000 },
      }),
    ).rejects.toThrow(/^Energy: No food has more than 900 kcal/);
  });
});

describe("recipes", () => {
  it("save a meal's entries as a food logged by the serving", async () => {
    await addMealEntry(eggEntry("2026-03-01", "dinner", 100));
    await addMealEntry({
      ...eggEntry("2026-03-01", "dinner", 300),
      name: "Milk",
      per100g: { ...egg, energyKcal: 61 },
    });
    const food = await saveRecipe("Egg custard", await entriesOfDay("2026-03-01"), 4);
    // 100 g × 1.43 + 300 g × 0.61 = 326 kcal in 400 g; four servings of 100 g.
    expect(food.per100g.energyKcal).toBeCloseTo(81.5, 9);
    expect(food.portion).toEqual({ label: "1 serving", grams: 100 });
    expect(food.ingredients?.map((i) => [i.name, i.grams])).toEqual([
      ["Egg, whole, raw, fresh", 100],
      ["Milk", 300],
    ]);
    await expect(saveRecipe("Nothing", [], 2)).rejects.toThrow(/^Servings: /);
  });
});
