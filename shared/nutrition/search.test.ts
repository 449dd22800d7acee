import { describe, expect, it } from "vitest";
import { searchKey } from "./normalise";
import { FoodSearch } from "./search";

// Real SR names (as the index spells them out), so ranking is judged on the names people meet.
const NAMES = [
  "Noodles, egg, cooked, enriched",
  "Noodles, egg, dry, enriched",
  "Egg, yolk, raw, fresh",
  "Egg, white, raw, fresh",
  "Egg, whole, raw, fresh",
  "Egg, whole, cooked, fried",
  "Babyfood, egg yolks",
  "Bananas, raw",
  "Banana chips",
  "Babyfood, fruit, bananas with tapioca, strained",
  "Chicken, broilers or fryers, breast, meat only, cooked, roasted",
  "Chicken, broilers or fryers, leg, meat only, raw",
  "Cheese, cheddar",
  "Cheese, ricotta, whole milk",
  "Sausage pork and beef with cheddar cheese smoked",
  "Broccoli, raw",
  "Tomatoes, red, ripe, raw",
  "Potatoes, baked, flesh and skin",
];
const search = new FoodSearch(NAMES.map((name) => ({ name, search: searchKey(name) })));
const names = (query: string, limit = 20) => search.search(query, limit).map((hit) => hit.item.name);

describe("food search", () => {
  it("finds whole eggs before egg noodles and baby food for 'egg'", () => {
    const found = names("egg");
    expect(found[0]).toBe("Egg, whole, raw, fresh");
    expect(found.indexOf("Noodles, egg, cooked, enriched")).toBeGreaterThan(
      found.indexOf("Egg, whole, cooked, fried"),
    );
    expect(found.indexOf("Babyfood, egg yolks")).toBeGreaterThan(found.indexOf("Egg, yolk, raw, fresh"));
  });

  it("ignores word order", () => {
    expect(names("breast chicken")).toEqual(names("chicken breast"));
    expect(names("breast chicken")[0]).toBe(
      "Chicken, broilers or fryers, breast, meat only, cooked, roasted",
    );
  });

  it("treats plurals as the singular", () => {
    expect(names("eggs")[0]).toBe("Egg, whole, raw, fresh");
    expect(names("banana")[0]).toBe("Bananas, raw");
    expect(names("tomato")).toContain("Tomatoes, red, ripe, raw");
    expect(names("potato")).toContain("Potatoes, baked, flesh and skin");
  });

  it("forgives a small typo but not a different word", () => {
    expect(names("brocoli")).toEqual(["Broccoli, raw"]);
    expect(names("bananna")[0]).toBe("Bananas, raw");
    expect(names("chedar cheese")[0]).toBe("Cheese, cheddar");
    expect(names("cod")).toEqual([]);
  });

  it("matches the word being typed by its start", () => {
    expect(names("ban")[0]).toBe("Bananas, raw");
    expect(names("chicken bre")).toEqual(["Chicken, broilers or fryers, breast, meat only, cooked, roasted"]);
  });

  it("needs every word of the query", () => {
    expect(names("cheddar sausage")).toEqual(["Sausage pork and beef with cheddar cheese smoked"]);
    expect(names("egg banana")).toEqual([]);
  });

  it("answers nothing for an empty query and respects the limit", () => {
    expect(names("  ")).toEqual([]);
    expect(names("egg", 2)).toHaveLength(2);
  });
});
