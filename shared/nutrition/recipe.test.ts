import { describe, expect, it } from "vitest";
import { zeroNutrients } from "./nutrients";
import { recipeFood, servingNutrients } from "./recipe";

const oats = { ...zeroNutrients(), energyKcal: 389, proteinG: 16.89, fatG: 6.9, carbG: 66.27 };
const milk = { ...zeroNutrients(), energyKcal: 61, proteinG: 3.15, fatG: 3.25, carbG: 4.8 };
const ref = { source: "usda" as const, ndb: "08120" };

describe("recipes", () => {
  it("gives nutrients per 100 g of the whole and per serving", () => {
    const porridge = recipeFood(
      [
        { food: ref, name: "Oats", grams: 80, per100g: oats },
        { food: ref, name: "Milk", grams: 320, per100g: milk },
      ],
      2,
    )!;
    // 80 g oats = 311.2 kcal, 320 g milk = 195.2 kcal: 506.4 kcal in 400 g.
    expect(porridge.totalGrams).toBe(400);
    expect(porridge.per100g.energyKcal).toBeCloseTo(126.6, 9);
    expect(porridge.serving).toEqual({ label: "1 serving", grams: 200 });
    expect(servingNutrients(porridge).energyKcal).toBeCloseTo(253.2, 9);
    expect(servingNutrients(porridge).proteinG).toBeCloseTo((80 * 16.89 + 320 * 3.15) / 100 / 2, 9);
  });

  it("has no food for an empty recipe or zero servings", () => {
    expect(recipeFood([], 2)).toBeNull();
    expect(recipeFood([{ food: ref, name: "Oats", grams: 80, per100g: oats }], 0)).toBeNull();
  });
});
