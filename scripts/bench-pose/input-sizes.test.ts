import { describe, expect, it } from "vitest";
import { frameError } from "./input-sizes.ts";
import type { PixelPose } from "./bare-page.ts";

/** 33 points, shoulders 100 px above hips (a 100 px torso), all visible. */
function pose(shiftPx = 0): NonNullable<PixelPose> {
  return Array.from({ length: 33 }, (_, i) => {
    const y = i === 23 || i === 24 ? 300 : 200;
    return [100 + i + shiftPx, y, 0.9] as [number, number, number];
  });
}

describe("input-size study: landmark error", () => {
  it("is 0 for the same landmarks and the shift over the torso otherwise", () => {
    expect(frameError(pose(), pose())).toBe(0);
    expect(frameError(pose(), pose(5))).toBeCloseTo(0.05);
  });
  it("ignores landmarks the full-size frame did not see", () => {
    const full = pose();
    const scaled = pose();
    full[0] = [0, 0, 0.1];
    scaled[0] = [500, 500, 0.9];
    expect(frameError(full, scaled)).toBe(0);
  });
});
