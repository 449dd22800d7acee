import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, evaluateAlerts } from "../observability/alert-rules";
import { thresholdsFromEnv } from "../observability/alert-check";
import { RouteStats, type RequestSample } from "../observability/route-stats";

const sample = (over: Partial<RequestSample> = {}): RequestSample => ({
  route: "GET /api/things",
  status: 200,
  durationMs: 5,
  dbMs: 1,
  dbQueries: 1,
  ...over,
});

function windowOf(samples: RequestSample[]) {
  const stats = new RouteStats(() => 1_000_000);
  for (const s of samples) stats.add(s);
  return stats.snapshot().window;
}

const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe("route stats", () => {
  it("reports percentiles within one 5 % bucket of the true value", () => {
    const stats = new RouteStats(() => 0);
    for (let ms = 1; ms <= 100; ms++) stats.add(sample({ durationMs: ms }));
    const all = stats.snapshot().window.all;
    expect(all.p50Ms).toBeGreaterThanOrEqual(50);
    expect(all.p50Ms).toBeLessThanOrEqual(52.5);
    expect(all.p99Ms).toBeGreaterThanOrEqual(99);
    expect(all.p99Ms).toBeLessThanOrEqual(104);
  });

  it("counts hit rate only over requests that consulted the cache", () => {
    const all = windowOf([sample({ cache: "hit" }), sample({ cache: "miss" }), sample(), sample()]).all;
    expect(all.cacheLookups).toBe(2);
    expect(all.cacheHitRate).toBe(0.5);
  });

  it("drops requests older than the window but keeps them since start", () => {
    let nowMs = 0;
    const stats = new RouteStats(() => nowMs);
    stats.add(sample({ status: 500 }));
    nowMs = 6 * 60_000;
    stats.add(sample());
    const snap = stats.snapshot();
    expect(snap.window.all.count).toBe(1);
    expect(snap.window.all.errorRate).toBe(0);
    expect(snap.sinceStart.all.count).toBe(2);
    expect(snap.sinceStart.all.errorRate).toBe(0.5);
  });

  it("keeps each route apart", () => {
    const routes = windowOf([
      sample({ route: "GET /a", dbQueries: 2 }),
      sample({ route: "GET /b", dbQueries: 0 }),
    ]).routes;
    expect(Object.keys(routes)).toEqual(["GET /a", "GET /b"]);
    expect(routes["GET /a"]?.dbQueriesPerRequest).toBe(2);
    expect(routes["GET /b"]?.dbQueriesPerRequest).toBe(0);
  });
});

describe("alert rules", () => {
  const slow = times(30, () => sample({ durationMs: 250 }));
  const fast = times(30, () => sample({ durationMs: 3 }));

  it("fires when p95 is over the threshold and nothing is firing yet", () => {
    const transitions = evaluateAlerts(windowOf(slow), DEFAULT_THRESHOLDS, []);
    expect(transitions).toEqual([
      expect.objectContaining({ kind: "fire", rule: "api_p95_ms", threshold: 100 }),
    ]);
  });

  it("updates a firing alert that still breaches instead of opening a second one", () => {
    const transitions = evaluateAlerts(windowOf(slow), DEFAULT_THRESHOLDS, [{ id: 7, rule: "api_p95_ms" }]);
    expect(transitions).toEqual([expect.objectContaining({ kind: "update", id: 7 })]);
  });

  it("resolves a firing alert once the window is healthy", () => {
    const transitions = evaluateAlerts(windowOf(fast), DEFAULT_THRESHOLDS, [{ id: 3, rule: "api_p95_ms" }]);
    expect(transitions).toEqual([expect.objectContaining({ kind: "resolve", id: 3, rule: "api_p95_ms" })]);
  });

  it("fires on more than 1 % server errors but not on client errors", () => {
    const serverErrors = [...fast, ...times(2, () => sample({ status: 503 }))];
    const clientErrors = [...fast, ...times(10, () => sample({ status: 404 }))];
    expect(evaluateAlerts(windowOf(serverErrors), DEFAULT_THRESHOLDS, []).map((t) => t.rule)).toEqual([
      "error_rate",
    ]);
    expect(evaluateAlerts(windowOf(clientErrors), DEFAULT_THRESHOLDS, [])).toEqual([]);
  });

  it("fires when the cache hit rate falls below 80 %", () => {
    const lookups = times(30, (i) => sample({ cache: i < 20 ? "hit" : "miss" }));
    const [fired] = evaluateAlerts(windowOf(lookups), DEFAULT_THRESHOLDS, []);
    expect(fired).toMatchObject({ kind: "fire", rule: "cache_hit_rate" });
    expect(fired?.value).toBeCloseTo(0.667, 3);
  });

  it("does not judge a window with too few requests", () => {
    expect(evaluateAlerts(windowOf(slow.slice(0, 5)), DEFAULT_THRESHOLDS, [])).toEqual([]);
  });

  it("takes threshold overrides from valid JSON and ignores invalid ones", () => {
    expect(thresholdsFromEnv('{"apiP95Ms":5}').apiP95Ms).toBe(5);
    expect(thresholdsFromEnv('{"errorRate":7}')).toEqual(DEFAULT_THRESHOLDS);
    expect(thresholdsFromEnv("not json")).toEqual(DEFAULT_THRESHOLDS);
  });
});
