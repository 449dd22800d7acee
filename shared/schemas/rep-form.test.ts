import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { RepFormSchema } from "./workout";

describe("RepFormSchema", () => {
  it("still reads reps saved before the range was recorded", () => {
    expect(v.parse(RepFormSchema, { score: 90, faults: ["knee_valgus"] })).toEqual({
      score: 90,
      faults: ["knee_valgus"],
    });
  });

  it("keeps a rep's range against the person's own", () => {
    expect(v.parse(RepFormSchema, { score: 90, faults: [], romRatio: 0.82 }).romRatio).toBe(0.82);
  });

  it("refuses a range that no rep can have", () => {
    for (const romRatio of [-0.1, 2.5, Number.NaN, "full"]) {
      expect(v.safeParse(RepFormSchema, { score: 90, faults: [], romRatio }).success).toBe(false);
    }
  });
});
