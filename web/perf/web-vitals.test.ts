import { describe, expect, it } from "vitest";
import { ClsAccumulator } from "./web-vitals";

const shift = (startTime: number, value: number, hadRecentInput = false) => ({
  startTime,
  value,
  hadRecentInput,
});

describe("CLS", () => {
  it("sums shifts within one session window and keeps the worst window", () => {
    const cls = new ClsAccumulator();
    [shift(100, 0.05), shift(600, 0.05), shift(3000, 0.02)].forEach((s) => cls.add(s));
    expect(cls.worst).toBeCloseTo(0.1);
  });

  it("starts a new window after a 1 s gap or 5 s of shifting", () => {
    const gaps = new ClsAccumulator();
    [shift(0, 0.05), shift(1500, 0.05)].forEach((s) => gaps.add(s));
    expect(gaps.worst).toBeCloseTo(0.05);
    const long = new ClsAccumulator();
    for (let t = 0; t <= 6000; t += 500) long.add(shift(t, 0.01));
    expect(long.worst).toBeCloseTo(0.1);
  });

  it("ignores shifts right after user input", () => {
    const cls = new ClsAccumulator();
    expect(cls.add(shift(0, 0.3, true))).toBe(false);
    expect(cls.worst).toBe(0);
  });
});
