import { afterEach, describe, expect, it } from "vitest";
import { showLanguage } from "../../i18n";
import { displayWeight, toKg, weightInputValue } from "./units";

afterEach(async () => {
  await showLanguage("en");
});

describe("weights in the person's unit", () => {
  it("stores kg and shows lb entries back as typed", () => {
    for (const typed of ["45", "135", "225.5", "0.5"]) {
      const kg = toKg(typed, "lb")!;
      expect(weightInputValue(kg, "lb")).toBe(String(Number(typed)));
    }
    expect(toKg("100", "lb")).toBeCloseTo(45.359, 3);
    expect(displayWeight(100, "lb")).toBe("220.5 lb");
    expect(displayWeight(100, "kg")).toBe("100 kg");
  });

  it("treats blank as no load and rejects text", () => {
    expect(toKg(" ", "kg")).toBeNull();
    expect(toKg("heavy", "kg")).toBeNaN();
    expect(toKg("1.000,5", "kg")).toBeNaN();
    expect(displayWeight(null, "kg")).toBe("–");
  });

  it("in German: a decimal comma shown and understood, the prefill reads back the same", async () => {
    await showLanguage("de");
    expect(displayWeight(82.5, "kg")).toBe("82,5 kg");
    expect(toKg("82,5", "kg")).toBe(82.5);
    expect(weightInputValue(toKg("1225,5", "kg"), "kg")).toBe("1225,5");
    expect(toKg(weightInputValue(102.5, "kg"), "kg")).toBe(102.5);
  });
});
