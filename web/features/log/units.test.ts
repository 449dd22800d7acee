import { describe, expect, it } from "vitest";
import { displayWeight, toKg, weightInputValue } from "./units";

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
    expect(displayWeight(null, "kg")).toBe("–");
  });
});
