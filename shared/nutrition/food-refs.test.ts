import { describe, expect, it } from "vitest";
import { validatePush, type ValidMutation } from "../sync/push";
import { SYNC_SCHEMA_VERSION } from "../schemas/sync";
import { unresolvedCustomFoodRefs } from "./food-refs";

const clientId = "0b6f7c1e-3c2a-4c1d-9f3e-2a1b0c9d8e7f";
const foodId = "01937a2b-8c4d-7e5f-9a6b-000000000001";
const otherFoodId = "01937a2b-8c4d-7e5f-9a6b-000000000002";
const per100g = {
  energyKcal: 350,
  proteinG: 33,
  fatG: 9,
  carbG: 40,
  fiberG: null,
  sugarG: null,
  saturatedFatG: null,
  sodiumMg: null,
};
const meta = { updatedAt: 1_772_000_000_000 };
const entry = (id: string, food: unknown) => ({
  id,
  date: "2026-03-01",
  meal: "snacks",
  food,
  name: "Oat protein bar",
  grams: 60,
  portion: null,
  per100g,
  loggedAt: 1_772_000_000_000,
  ...meta,
});
const food = (id: string, ingredients?: unknown[]) => ({
  id,
  name: "Bar",
  barcode: null,
  per100g,
  portion: null,
  ...(ingredients ? { ingredients } : {}),
  ...meta,
});

function valid(changes: { entity: string; value: { id: string } }[]): ValidMutation[] {
  const result = validatePush({
    schemaVersion: SYNC_SCHEMA_VERSION,
    clientId,
    mutations: changes.map((c, i) => ({
      id: i + 1,
      entity: c.entity,
      op: "put",
      key: c.value.id,
      value: c.value,
    })),
  });
  if (!result.ok) throw new Error(result.problem.message);
  return result.mutations;
}

describe("custom food references in a push", () => {
  it("lists meal entries and recipe ingredients that point at custom foods", () => {
    const refs = unresolvedCustomFoodRefs(
      valid([
        {
          entity: "mealEntry",
          value: entry("01937a2b-8c4d-7e5f-9a6b-00000000000a", { source: "custom", foodId }),
        },
        {
          entity: "food",
          value: food("01937a2b-8c4d-7e5f-9a6b-00000000000b", [
            { food: { source: "usda", ndb: "01123" }, name: "Egg", grams: 50 },
            { food: { source: "custom", foodId: otherFoodId }, name: "Bar", grams: 60 },
          ]),
        },
      ]),
    );
    expect(refs).toEqual([
      { mutationId: 1, index: 0, field: "food.foodId", foodId },
      { mutationId: 2, index: 1, field: "ingredients.1.food.foodId", foodId: otherFoodId },
    ]);
  });

  it("leaves out foods that arrive in the same push and catalogue foods", () => {
    const refs = unresolvedCustomFoodRefs(
      valid([
        {
          entity: "mealEntry",
          value: entry("01937a2b-8c4d-7e5f-9a6b-00000000000a", { source: "custom", foodId }),
        },
        {
          entity: "mealEntry",
          value: entry("01937a2b-8c4d-7e5f-9a6b-00000000000c", { source: "usda", ndb: "01123" }),
        },
        { entity: "food", value: food(foodId) },
      ]),
    );
    expect(refs).toEqual([]);
  });

  it("checks the food a partial update sets, and nothing when it leaves the food alone", () => {
    const key = "01937a2b-8c4d-7e5f-9a6b-00000000000a";
    const patch = (value: Record<string, unknown>, fields: string[]) =>
      validatePush({
        schemaVersion: SYNC_SCHEMA_VERSION,
        clientId,
        mutations: [{ id: 7, entity: "mealEntry", op: "put", key, value: { id: key, ...value }, fields }],
      });
    const setsFood = patch({ food: { source: "custom", foodId }, updatedAt: meta.updatedAt }, [
      "food",
      "updatedAt",
    ]);
    const setsGrams = patch({ grams: 80, updatedAt: meta.updatedAt }, ["grams", "updatedAt"]);
    if (!setsFood.ok || !setsGrams.ok) throw new Error("both patches are valid");
    expect(unresolvedCustomFoodRefs(setsFood.mutations)).toEqual([
      { mutationId: 7, index: 0, field: "food.foodId", foodId },
    ]);
    expect(unresolvedCustomFoodRefs(setsGrams.mutations)).toEqual([]);
  });
});
