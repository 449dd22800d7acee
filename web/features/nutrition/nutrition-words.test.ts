import { afterEach, describe, expect, it } from "vitest";
import { showLanguage } from "../../i18n";
import { formatGrams, formatKcal, messageOf } from "./labels";
import { NutritionInputError } from "./nutrition-writes";
import { MISSING_FACTS } from "../../../shared/nutrition/effective-targets";
import { NUTRIENT_KEYS } from "../../../shared/nutrition/nutrients";
import { ACTIVITY_LEVELS, DIET_GOALS } from "../../../shared/nutrition/targets";
import { MEALS } from "../../../shared/schemas/nutrition";
import de from "../../i18n/locales/de/nutrition.json";
import en from "../../i18n/locales/en/nutrition.json";

// Shared nutrition code hands the page codes (meals, nutrients, activity levels, goals, missing
// profile facts); each must have words in every language, or someone sees a raw code.
const CODES: [group: string, codes: readonly string[], words: (c: typeof en) => object][] = [
  ["meals", MEALS, (c) => c.meals],
  ["nutrients", NUTRIENT_KEYS, (c) => c.nutrients],
  ["targets.activityLevel", ACTIVITY_LEVELS, (c) => c.targets.activityLevel],
  ["targets.dietGoal", DIET_GOALS, (c) => c.targets.dietGoal],
  ["targets.fact", MISSING_FACTS, (c) => c.targets.fact],
];

describe("nutrition words for shared codes", () => {
  for (const [lang, catalogue] of [
    ["en", en],
    ["de", de],
  ] as const) {
    for (const [group, codes, words] of CODES) {
      it(`${lang} words every ${group} code`, () => {
        const table = words(catalogue) as Record<string, unknown>;
        for (const code of codes) expect(table[code], `${lang} ${group}.${code}`).toMatch(/\S/);
      });
    }
  }
});

describe("nutrition in German", () => {
  afterEach(() => showLanguage("en"));

  it("words refusals, energy and grams in the language on screen", async () => {
    const taken = new NutritionInputError(
      { reason: "barcode_taken", barcode: "4006381333931", name: "Oat bar" },
      'Barcode: 4006381333931 is already "Oat bar".',
    );
    const badField = new NutritionInputError(
      { reason: "invalid_field", field: "grams" },
      "Amount: Invalid value",
    );
    expect(messageOf(taken)).toBe("Barcode: 4006381333931 is already “Oat bar”.");
    expect(messageOf(badField)).toBe("Amount: Invalid value");
    expect(formatKcal(2200.4)).toBe("2,200 kcal");
    await showLanguage("de");
    expect(messageOf(taken)).toBe("Barcode: 4006381333931 gehört schon zu „Oat bar“.");
    expect(messageOf(badField)).toBe("Menge: Dieser Wert ist nicht gültig.");
    expect(formatKcal(2200.4)).toBe("2.200 kcal");
    expect(formatGrams(7.25)).toMatch(/^7,3\sg$/);
  });
});
