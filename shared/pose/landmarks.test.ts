import { describe, expect, it } from "vitest";
import { LANDMARK_COUNT, LM, SKELETON_EDGES, swapSides } from "./landmarks";

describe("landmarks", () => {
  it("draws only edges between real landmarks", () => {
    for (const [a, b] of SKELETON_EDGES) {
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(LANDMARK_COUNT);
    }
  });

  it("swaps each left landmark with its right partner and back", () => {
    const ids = Array.from({ length: LANDMARK_COUNT }, (_, i) => i);
    const swapped = swapSides(ids);
    expect(swapped[LM.leftKnee]).toBe(LM.rightKnee);
    expect(swapped[LM.rightWrist]).toBe(LM.leftWrist);
    expect(swapped[LM.nose]).toBe(LM.nose);
    expect(swapSides(swapped)).toEqual(ids);
  });
});
