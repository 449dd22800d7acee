import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { planRequest } from "./api-bench.ts";
import { parseServerTiming, runOpenLoop } from "./load-gen.ts";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe("open-loop generator", () => {
  it("keeps sending while answers are held back and counts the wait from the scheduled time", async () => {
    const held: http.ServerResponse[] = [];
    server = http.createServer((_req, res) => {
      held.push(res);
      // Nothing is answered until the fifth request arrives: a closed loop would never send it.
      if (held.length === 5) for (const r of held) r.end("ok");
      if (held.length > 5) res.end("ok");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const { results } = await runOpenLoop({
      origin: `http://127.0.0.1:${port}`,
      rateRps: 50,
      durationS: 0.1,
      next: () => ({ endpoint: "GET /x", method: "GET", path: "/x" }),
    });
    expect(results).toHaveLength(5);
    expect(results.every((r) => r.status === 200)).toBe(true);
    const byTime = [...results].sort((a, b) => a.atMs - b.atMs);
    expect(byTime[0]!.latencyMs).toBeGreaterThan(byTime[4]!.latencyMs);
  });
});

describe("Server-Timing", () => {
  it("reads D1 queries, cache result and total", () => {
    expect(parseServerTiming('total;dur=3.5, db;dur=1.0;desc="2 queries", cache;desc=hit')).toEqual({
      dbQueries: 2,
      cache: "hit",
      totalMs: 3.5,
    });
    expect(parseServerTiming("")).toEqual({ dbQueries: null, cache: null, totalMs: null });
  });
});

describe("request mix", () => {
  it("is 80 % reads and 20 % sync pushes spread over the users", () => {
    const users = [
      { username: "a", cookie: "spotter_session=a" },
      { username: "b", cookie: "spotter_session=b" },
    ];
    const plans = Array.from({ length: 100 }, (_, i) => planRequest(i, users));
    expect(plans.filter((p) => p.method === "POST").length).toBe(20);
    expect(plans.filter((p) => p.endpoint === "GET /api/health").length).toBeGreaterThan(0);
    const pushCookies = new Set(plans.filter((p) => p.method === "POST").map((p) => p.headers?.cookie));
    expect(pushCookies.size).toBe(2);
  });
});
