import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { seededRandom } from "./api-bench.ts";
import { CADENCE, requestsPerUserPerS, userEvents } from "./api-traffic.ts";
import { parseServerTiming, runOpenLoop, runSchedule } from "./load-gen.ts";

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
  it("reads D1 queries and time, cache result and total", () => {
    expect(parseServerTiming('total;dur=3.5, db;dur=1.0;desc="2 queries", cache;desc=hit')).toEqual({
      dbQueries: 2,
      dbMs: 1,
      cache: "hit",
      totalMs: 3.5,
    });
    expect(parseServerTiming("")).toEqual({ dbQueries: null, dbMs: null, cache: null, totalMs: null });
  });
});

describe("a request that needs an earlier answer", () => {
  it("leaves only after that answer and counts its latency from then", async () => {
    const seen: string[] = [];
    server = http.createServer((req, res) => {
      seen.push(req.url ?? "");
      // The first answer is held back 100 ms; the second request must not overtake it.
      setTimeout(() => res.end(req.url), req.url === "/first" ? 100 : 0);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    let answered: (body: string) => void = () => undefined;
    const first = new Promise<string>((r) => (answered = r));
    const { results } = await runSchedule({
      origin: `http://127.0.0.1:${port}`,
      arrivals: [
        {
          atMs: 0,
          plan: () => ({
            endpoint: "first",
            method: "GET",
            path: "/first",
            onAnswer: (_s, b) => answered(b),
          }),
        },
        { atMs: 10, plan: async () => ({ endpoint: "second", method: "GET", path: `/after${await first}` }) },
      ],
    });
    expect(seen).toEqual(["/first", "/after/first"]);
    const second = results.find((r) => r.endpoint === "second")!;
    expect(second.status).toBe(200);
    expect(second.latencyMs).toBeLessThan(results.find((r) => r.endpoint === "first")!.latencyMs);
  });
});

describe("users on the app's cadence", () => {
  it("pull every minute while visible and push only during workouts", () => {
    const events = userEvents(50, 3600, seededRandom(7));
    const timers = events.filter((e) => e.kind === "timer").length;
    const writes = events.filter((e) => e.kind === "write").length;
    const opens = events.filter((e) => e.kind === "open").length;
    // Timer pulls dominate; a set every ~150 s in half the visits gives fewer writes than pulls.
    expect(timers).toBeGreaterThan(writes);
    expect(writes).toBeGreaterThan(0);
    expect(opens).toBeGreaterThan(0);
    expect(events.every((e, i) => i === 0 || e.atS >= events[i - 1]!.atS)).toBe(true);
  });

  it("send about one request every half minute each (a pull a minute, plus pushes and their pulls)", () => {
    const perUser = requestsPerUserPerS(seededRandom(1));
    expect(perUser).toBeGreaterThan(1 / CADENCE.pullEveryS / 2);
    expect(perUser).toBeLessThan(4 / CADENCE.pullEveryS);
  });
});
