import { describe, expect, it } from "vitest";
import { displayFoodName, searchKey, searchTokens, stemWord } from "./normalise";

describe("food name normalisation", () => {
  it("spells out SR abbreviations for reading", () => {
    expect(displayFoodName("EGG, WHL, RAW, FRSH")).toBe("Egg, whole, raw, fresh");
    expect(displayFoodName("BEEF, CHUCK,  ARM POT RST, LN, CKD")).toBe(
      "Beef, chuck, arm pot roast, lean, cooked",
    );
  });

  it("keys a name by its head then the rest, stemmed", () => {
    expect(searchKey("Bananas, raw")).toBe("banana|raw");
    expect(searchKey("Blueberries, frozen, unsweetened")).toBe("blueberry|frozen unsweetened");
    expect(searchKey("Banana chips")).toBe("banana chip|");
  });

  it("stems plurals but leaves short words and -ss/-us endings", () => {
    expect(
      ["eggs", "berries", "tomatoes", "peaches", "glass", "asparagus", "oats", "gas"].map(stemWord),
    ).toEqual(["egg", "berry", "tomato", "peach", "glass", "asparagus", "oat", "gas"]);
  });

  it("tokenises queries the same way as names", () => {
    expect(searchTokens("Whole-wheat  BREADS")).toEqual(["whole", "wheat", "bread"]);
    expect(searchTokens("whl egg")).toEqual(["whole", "egg"]);
  });
});
