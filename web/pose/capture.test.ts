import { describe, expect, it } from "vitest";
import { captureSize } from "./capture";
import { quantile } from "./percentiles";

describe("captureSize", () => {
  it("scales wide frames down to the capture width, keeping the aspect ratio", () => {
    expect(captureSize(1280, 720, 320)).toEqual({ widthPx: 320, heightPx: 180 });
    expect(captureSize(640, 480, 320)).toEqual({ widthPx: 320, heightPx: 240 });
  });
  it("leaves frames already small enough alone", () => {
    expect(captureSize(320, 240, 480)).toEqual({ widthPx: 320, heightPx: 240 });
  });
});

describe("quantile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile([], 0.5)).toBeNull();
  });
});
