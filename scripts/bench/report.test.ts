import { describe, expect, it } from "vitest";
import { checkGoals, compareWithBaseline, flattenNumbers, markdown, type BenchReport } from "./report.ts";

const report = (api: object, extra: Partial<BenchReport> = {}): BenchReport => ({
  generatedAt: "2026-01-01T00:00:00.000Z",
  quick: true,
  machine: { cpus: 2, node: "v20" },
  pose: { skipped: "not here" },
  api,
  sync: { seconds: 1.5, ratioToBulkPut: 1.2 },
  load: { shellJsGzipKb: 80, warmOfflineUsableMs: 900 },
  ...extra,
});

describe("baseline comparison", () => {
  it("marks figures that moved more than 10 % either way and leaves the rest", () => {
    const before = report({ p99Ms: 100, p50Ms: 10, non2xx: 0 });
    const now = report(
      { p99Ms: 125, p50Ms: 10.5, non2xx: 0 },
      { sync: { seconds: 1.2, ratioToBulkPut: 1.2 } },
    );
    expect(compareWithBaseline(now, before)).toEqual([
      { figure: "api.p99Ms", baseline: 100, now: 125, changePct: 25 },
      { figure: "sync.seconds", baseline: 1.5, now: 1.2, changePct: -20 },
    ]);
  });

  it("ignores time series, strings and the machine", () => {
    const flat = flattenNumbers(report({ p99BySecondMs: [1, 2], via: "x", p50Ms: 3 }));
    expect([...flat.keys()]).toContain("api.p50Ms");
    expect([...flat.keys()].some((k) => k.includes("p99BySecond") || k.includes("via"))).toBe(false);
    expect(compareWithBaseline(report({}, { machine: { cpus: 8, node: "v22" } }), report({}))).toEqual([]);
  });
});

describe("goals", () => {
  it("judges each figure against the issue's goal and says n/a when a section is missing", () => {
    const goals = checkGoals(
      report({ capacityVsBare: 0.4, simulatedUsers: 1000, p99Ms: 120, non2xx: 0, dbQueriesMax: 2 }),
    );
    const met = Object.fromEntries(goals.map((g) => [g.figure, g.met]));
    expect(met["api.capacityVsBare (app mix / bare Worker)"]).toBe(false);
    expect(met["api.simulatedUsers"]).toBe(true);
    expect(met["api.p99Ms at capacity"]).toBe(false);
    expect(met["api.non2xx at capacity"]).toBe(true);
    expect(met["load.warmOfflineUsableMs"]).toBe(true);
    const noLoad = checkGoals(report({}, { load: { skipped: "failed" } }));
    expect(noLoad.find((g) => g.figure === "load.shellJsGzipKb")?.met).toBeNull();
  });

  it("prints every goal and every move in the markdown", () => {
    const r = report({ p99Ms: 120 });
    const md = markdown(
      r,
      checkGoals(r),
      [{ figure: "api.p99Ms", baseline: 100, now: 120, changePct: 20 }],
      ["a.svg"],
    );
    expect(md).toContain("| api.p99Ms at capacity | 120 | <= 100 ms | **no** |");
    expect(md).toContain("| api.p99Ms | 100 | 120 | **+20 %** |");
    expect(md).toContain("![a.svg](a.svg)");
  });
});
