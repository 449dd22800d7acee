import { describe, expect, it } from "vitest";
import { addDays, daysEndingOn } from "./days";
import { dayTotals, energyByDay, rankRecentFoods } from "./meal-log";
import { zeroNutrients } from "./nutrients";

const egg = { ...zeroNutrients(), energyKcal: 143, proteinG: 12.56, fatG: 9.51, carbG: 0.72, fiberG: null };
const oats = { ...zeroNutrients(), energyKcal: 389, proteinG: 16.89, fatG: 6.9, carbG: 66.27 };
const DAY_MS = 24 * 3600 * 1000;

describe("meal log maths", () => {
  it("totals a day per meal and overall, scaling per-100 g values by grams", () => {
    const totals = dayTotals([
      { date: "2026-03-01", meal: "breakfast", grams: 100, per100g: egg },
      { date: "2026-03-01", meal: "breakfast", grams: 40, per100g: oats },
      { date: "2026-03-01", meal: "dinner", grams: 50, per100g: egg },
    ]);
    expect(totals.byMeal.breakfast.energyKcal).toBeCloseTo(143 + 155.6, 6);
    expect(totals.byMeal.dinner.proteinG).toBeCloseTo(6.28, 6);
    expect(totals.byMeal.lunch.energyKcal).toBe(0);
    expect(totals.day.energyKcal).toBeCloseTo(143 + 155.6 + 71.5, 6);
  });

  it("sums energy per day over a week, zero on empty days", () => {
    const days = daysEndingOn("2026-03-02", 3);
    expect(days).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
    const kcal = energyByDay(
      [
        { date: "2026-03-02", meal: "lunch", grams: 200, per100g: egg },
        { date: "2026-02-20", meal: "lunch", grams: 200, per100g: egg },
      ],
      days,
    );
    expect(kcal).toEqual([0, 0, 286]);
  });

  it("moves days across month and year ends", () => {
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("puts frequent and recent foods first, once each", () => {
    const now = 100 * DAY_MS;
    const log = (ndb: string, daysAgo: number) => ({
      food: { source: "usda" as const, ndb },
      name: ndb,
      loggedAt: now - daysAgo * DAY_MS,
    });
    const ranked = rankRecentFoods(
      [log("00001", 30), log("00002", 1), log("00003", 2), log("00003", 3)],
      now,
    );
    expect(ranked.map((entry) => entry.name)).toEqual(["00003", "00002", "00001"]);
  });
});
