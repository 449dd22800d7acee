import { describe, expect, it } from "vitest";
import { call, clientId, json, signUp, uuid7, type Account } from "./helpers";

const T0 = 1_772_000_000_000;
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
const food = (id: string, ingredients?: unknown[]) => ({
  id,
  name: "Oat protein bar",
  barcode: "4006381333931",
  per100g,
  portion: { label: "1 bar", grams: 60 },
  ...(ingredients ? { ingredients } : {}),
  updatedAt: T0,
});
const entry = (id: string, foodRef: unknown) => ({
  id,
  date: "2026-03-01",
  meal: "snacks",
  food: foodRef,
  name: "Oat protein bar",
  grams: 60,
  portion: null,
  per100g,
  loggedAt: T0,
  updatedAt: T0,
});
const custom = (foodId: string) => ({ source: "custom", foodId });

type Change = { entity: string; op?: "put" | "delete"; value: { id: string } };
interface Problem {
  error: { code: string; message: string; details?: { index: number; id: number; message: string }[] };
}

function push(account: Account, changes: Change[]) {
  const mutations = changes.map((c, i) => ({
    id: i + 1,
    entity: c.entity,
    op: c.op ?? "put",
    key: c.value.id,
    ...(c.op === "delete" ? {} : { value: c.value }),
  }));
  return call("/api/sync/push", {
    json: { schemaVersion: 1, clientId: clientId(), mutations },
    cookie: account.cookie,
  });
}

async function storedKeys(account: Account): Promise<string[]> {
  const res = await call("/api/sync/pull?limit=500", { cookie: account.cookie });
  const page = await json<{ changes: { key: string; value: unknown }[] }>(res);
  return page.changes.filter((c) => c.value !== null).map((c) => c.key);
}

describe("meal entries and recipes point only at the user's own foods", () => {
  it("refuses an entry for a custom food the user does not have, naming the field, and stores nothing", async () => {
    const a = await signUp();
    const [known, unknownFood, entryId] = [uuid7(), uuid7(), uuid7()];
    expect((await push(a, [{ entity: "food", value: food(known) }])).status).toBe(200);
    const res = await push(a, [
      { entity: "mealEntry", value: entry(uuid7(), custom(known)) },
      { entity: "mealEntry", value: entry(entryId, custom(unknownFood)) },
    ]);
    expect(res.status).toBe(400);
    const problem = await json<Problem>(res);
    expect(problem.error.code).toBe("validation_failed");
    expect(problem.error.message).toMatch(/^Mutation 2: food\.foodId: No food of yours has this id/);
    expect(problem.error.details).toEqual([
      { index: 1, id: 2, message: expect.stringMatching(/^food\.foodId: /) },
    ]);
    // The whole push was refused: not even the valid entry went in.
    expect(await storedKeys(a)).toEqual([known]);
  });

  it("accepts a food that arrives in the same push as the entries and recipes using it", async () => {
    const a = await signUp();
    const [foodId, recipeId, entryId] = [uuid7(), uuid7(), uuid7()];
    const res = await push(a, [
      { entity: "mealEntry", value: entry(entryId, custom(foodId)) },
      { entity: "food", value: food(recipeId, [{ food: custom(foodId), name: "Bar", grams: 60 }]) },
      { entity: "food", value: food(foodId) },
    ]);
    expect(res.status).toBe(200);
    expect((await storedKeys(a)).sort()).toEqual([foodId, recipeId, entryId].sort());
  });

  it("refuses a recipe whose ingredient is someone else's food", async () => {
    const [a, b] = [await signUp(), await signUp()];
    const theirs = uuid7();
    expect((await push(a, [{ entity: "food", value: food(theirs) }])).status).toBe(200);
    const res = await push(b, [
      {
        entity: "food",
        value: food(uuid7(), [
          { food: { source: "usda", ndb: "01123" }, name: "Egg", grams: 50 },
          { food: custom(theirs), name: "Bar", grams: 60 },
        ]),
      },
    ]);
    expect(res.status).toBe(400);
    expect((await json<Problem>(res)).error.message).toContain("ingredients.1.food.foodId");
    expect(await storedKeys(b)).toEqual([]);
  });

  it("still accepts an entry for a food the user has since deleted (logged offline before the delete)", async () => {
    const a = await signUp();
    const foodId = uuid7();
    expect((await push(a, [{ entity: "food", value: food(foodId) }])).status).toBe(200);
    expect((await push(a, [{ entity: "food", op: "delete", value: { id: foodId } }])).status).toBe(200);
    const entryId = uuid7();
    expect((await push(a, [{ entity: "mealEntry", value: entry(entryId, custom(foodId)) }])).status).toBe(
      200,
    );
    expect(await storedKeys(a)).toEqual([entryId]);
  });

  it("names every unknown food of a large push in one answer", async () => {
    const a = await signUp();
    const changes = Array.from({ length: 100 }, () => ({
      entity: "mealEntry",
      value: entry(uuid7(), custom(uuid7())),
    }));
    const res = await push(a, changes);
    expect(res.status).toBe(400);
    expect((await json<Problem>(res)).error.details).toHaveLength(100);
  });

  it("refuses catalogue ids that no USDA SR food has, never with a 5xx", async () => {
    const a = await signUp();
    for (const ndb of ["99999", "00000", "24001"]) {
      const res = await push(a, [{ entity: "mealEntry", value: entry(uuid7(), { source: "usda", ndb }) }]);
      expect(res.status, ndb).toBe(400);
      expect((await json<Problem>(res)).error.message, ndb).toMatch(
        /food\.ndb: No USDA SR food has this NDB number/,
      );
    }
    expect(
      (await push(a, [{ entity: "mealEntry", value: entry(uuid7(), { source: "usda", ndb: "93600" }) }]))
        .status,
    ).toBe(200);
  });
});
