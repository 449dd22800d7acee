import { describe, expect, it } from "vitest";
import { OneEuroFilter } from "./one-euro";
import { Random } from "../form/testing/random";

const spread = (values: number[]): number => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
};

describe("OneEuroFilter", () => {
  it("removes most of the jitter from a point at rest", () => {
    const rng = new Random(7);
    const filter = new OneEuroFilter();
    const raw: number[] = [];
    const smooth: number[] = [];
    for (let i = 0; i < 300; i++) {
      const sample = 1 + 0.01 * rng.gaussian();
      raw.push(sample);
      smooth.push(filter.filter(sample, i * 33));
    }
    expect(spread(smooth.slice(50))).toBeLessThan(spread(raw.slice(50)) / 2);
  });

  it("follows a fast move closely once it is under way", () => {
    const filter = new OneEuroFilter();
    let out = 0;
    for (let i = 0; i <= 30; i++) out = filter.filter(i * 0.05, i * 33);
    expect(Math.abs(out - 1.5)).toBeLessThan(0.15);
  });

  it("starts afresh after reset", () => {
    const filter = new OneEuroFilter();
    filter.filter(5, 0);
    filter.filter(5, 33);
    filter.reset();
    expect(filter.filter(-2, 66)).toBe(-2);
  });
});
