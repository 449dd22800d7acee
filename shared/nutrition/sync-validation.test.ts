import { describe, expect, it } from "vitest";
import { validatePush } from "../sync/push";
import { SYNC_SCHEMA_VERSION } from "../schemas/sync";

const clientId = "0b6f7c1e-3c2a-4c1d-9f3e-2a1b0c9d8e7f";
const entry = {
  id: "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6b",
  date: "2026-03-01",
  meal: "breakfast",
  food: { source: "usda", ndb: "01123" },
  name: "Egg, whole, raw, fresh",
  grams: 100,
  portion: { label: "1 large", grams: 50, count: 2 },
  per100g: {
    energyKcal: 143,
    proteinG: 12.56,
    fatG: 9.51,
    carbG: 0.72,
    fiberG: 0,
    sugarG: 0.37,
    saturatedFatG: 3.126,
    sodiumMg: 142,
  },
  loggedAt: 1_772_000_000_000,
  updatedAt: 1_772_000_000_000,
};

/** Pushes one meal entry as the server would receive it (JSON: a NaN arrives as null). */
function push(value: unknown) {
  const body = JSON.parse(
    JSON.stringify({
      schemaVersion: SYNC_SCHEMA_VERSION,
      clientId,
      mutations: [{ id: 1, entity: "mealEntry", op: "put", key: entry.id, value }],
    }),
  ) as unknown;
  const result = validatePush(body);
  return result.ok ? "accepted" : `${result.problem.status} ${result.problem.message}`;
}

describe("nutrition records in a sync push", () => {
  it("accepts a valid meal entry", () => {
    expect(push(entry)).toBe("accepted");
  });

  it("refuses bad amounts with a 400 naming the field", () => {
    expect(push({ ...entry, grams: -50 })).toMatch(/^400 .*grams: Must be more than 0 g/);
    expect(push({ ...entry, grams: Number.NaN })).toMatch(/^400 .*grams/);
    expect(push({ ...entry, per100g: { ...entry.per100g, energyKcal: 5000 } })).toMatch(
      /^400 .*per100g\.energyKcal: No food has more than 900 kcal per 100 g/,
    );
    expect(push({ ...entry, per100g: { ...entry.per100g, proteinG: -1 } })).toMatch(
      /^400 .*per100g\.proteinG/,
    );
  });

  it("refuses a food reference that cannot exist", () => {
    expect(push({ ...entry, food: { source: "usda", ndb: "egg" } })).toMatch(/^400 .*food\.ndb/);
    expect(push({ ...entry, food: { source: "usda", ndb: "99999" } })).toMatch(
      /^400 .*food\.ndb: No USDA SR food has this NDB number/,
    );
    expect(push({ ...entry, food: { source: "custom", foodId: "not-an-id" } })).toMatch(
      /^400 .*food\.foodId/,
    );
    expect(push({ ...entry, meal: "brunch" })).toMatch(/^400 .*meal/);
    expect(push({ ...entry, date: "2026-13-01" })).toMatch(/^400 .*date/);
  });
});
