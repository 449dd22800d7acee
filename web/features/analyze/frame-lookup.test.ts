import { describe, expect, it } from "vitest";
import { frameIndexAt } from "./frame-lookup";

describe("frameIndexAt", () => {
  const frames = [0, 33.3, 66.7, 100].map((tMs) => ({ tMs }));

  it("shows the frame on screen at a time: the last one that started at or before it", () => {
    expect(frameIndexAt(frames, 0)).toBe(0);
    expect(frameIndexAt(frames, 50)).toBe(1);
    expect(frameIndexAt(frames, 66.7)).toBe(2);
    expect(frameIndexAt(frames, 5000)).toBe(3);
  });

  it("has no frame before the first one or in an empty analysis", () => {
    expect(frameIndexAt(frames, -1)).toBe(-1);
    expect(frameIndexAt([], 10)).toBe(-1);
  });
});
