import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { requestLogLine } from "../observability/observe";
import type { MetricsSnapshot } from "../observability/route-stats";

const get = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`http://localhost${path}`, init));

describe("GET /api/metrics", () => {
  it("counts requests per matched route pattern with percentiles and D1 use", async () => {
    const before = (await (await get("/api/metrics")).json()) as MetricsSnapshot;
    const healthBefore = before.sinceStart.routes["GET /api/health"]?.count ?? 0;
    for (let i = 0; i < 3; i++) await get("/api/health");
    await get("/api/no-such-thing");
    const res = await get("/api/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("Server-Timing")).toMatch(/^total;dur=[\d.]+, db;dur=/);
    const snap = (await res.json()) as MetricsSnapshot;
    const health = snap.window.routes["GET /api/health"];
    expect(snap.sinceStart.routes["GET /api/health"]?.count).toBe(healthBefore + 3);
    expect(health?.p95Ms).toBeGreaterThan(0);
    expect(health?.dbQueriesPerRequest).toBe(1);
    expect(health?.cacheHitRate).toBeNull();
    expect(snap.window.routes["* (unmatched)"]?.clientErrorRate).toBe(1);
    expect(snap.windowMs).toBe(300_000);
  });
});

describe("request log line", () => {
  it("is one JSON object with route, status, duration, queries and cache", () => {
    const line = requestLogLine({
      route: "GET /api/x",
      status: 200,
      durationMs: 1.234,
      dbMs: 0.5,
      dbQueries: 2,
      cache: "hit",
    });
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      msg: "request",
      route: "GET /api/x",
      status: 200,
      durationMs: 1.2,
      dbMs: 0.5,
      dbQueries: 2,
      cache: "hit",
    });
  });
});
