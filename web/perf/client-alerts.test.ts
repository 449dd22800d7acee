import { describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_THRESHOLDS, evaluateClientAlerts } from "./client-alerts";
import { quantile, type PerfSample } from "./perf-sample";

const many = (kind: PerfSample["kind"], value: (i: number) => number, n = 20): PerfSample[] =>
  Array.from({ length: n }, (_, i) => ({ kind, value: value(i), atMs: i }));

const firing = (samples: PerfSample[]) =>
  evaluateClientAlerts(samples, DEFAULT_CLIENT_THRESHOLDS)
    .filter((r) => r.firing)
    .map((r) => r.rule);

describe("client alert rules", () => {
  it("fires when p95 inference is over 33 ms, not when only a few frames are slow", () => {
    expect(firing(many("inference_ms", () => 40))).toEqual(["inference_p95_ms"]);
    expect(firing(many("inference_ms", (i) => (i === 0 ? 90 : 20)))).toEqual([]);
  });

  it("falls back to round trips when the worker does not report inference", () => {
    const [reading] = evaluateClientAlerts(many("round_trip_ms", () => 50));
    expect(reading).toMatchObject({ rule: "inference_p95_ms", value: 50, firing: true });
  });

  it("judges memory by the latest reading", () => {
    const memory = [600, 300].map((value, atMs) => ({ kind: "memory_mb" as const, value, atMs }));
    expect(firing(memory)).toEqual([]);
    expect(firing(memory.reverse())).toEqual(["memory_mb"]);
  });

  it("does not judge without enough data", () => {
    expect(evaluateClientAlerts(many("inference_ms", () => 99, 3))[0]).toMatchObject({
      value: null,
      firing: false,
    });
  });
});

describe("quantile", () => {
  it("uses the nearest rank", () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([5, 1, 3, 2, 4], 0.95)).toBe(5);
    expect(quantile([], 0.5)).toBeNull();
  });
});
