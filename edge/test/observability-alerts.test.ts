import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { app } from "../app";
import type { AlertRow } from "../observability/alert-store";
import { routeStats } from "../observability/route-stats";
import { scheduled } from "../observability/scheduled";

const WEBHOOK = "https://hooks.example.test/spotter";

function feedSlowRequests(durationMs: number, count = 25) {
  for (let i = 0; i < count; i++) {
    routeStats.add({ route: "GET /api/slow", status: 200, durationMs, dbMs: 1, dbQueries: 1 });
  }
}

async function runCron(overrides: Partial<Env>) {
  await scheduled(createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() }), {
    ...env,
    ...overrides,
  });
}

async function alerts() {
  const res = await exports.default.fetch(new Request("http://localhost/api/alerts"));
  expect(res.status).toBe(200);
  return (await res.json()) as { active: AlertRow[]; past: AlertRow[] };
}

afterEach(async () => {
  vi.restoreAllMocks();
  routeStats.reset();
  await env.DB.prepare("DELETE FROM alerts").run();
});

describe("scheduled alert check", () => {
  it("fires an alert into D1 and /api/alerts, posts it to the webhook, then resolves it", async () => {
    const posted: unknown[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      expect(String(input instanceof Request ? input.url : input)).toBe(WEBHOOK);
      posted.push(JSON.parse(String(init?.body)));
      return new Response(null, { status: 204 });
    });
    feedSlowRequests(80);
    const strict = { ALERT_THRESHOLDS: '{"apiP95Ms":50}', ALERT_WEBHOOK_URL: WEBHOOK };

    await runCron(strict);
    const { active } = await alerts();
    expect(active).toEqual([expect.objectContaining({ rule: "api_p95_ms", state: "firing", threshold: 50 })]);
    expect(active[0]?.value).toBeGreaterThan(50);
    const stored = await env.DB.prepare("SELECT rule, state FROM alerts WHERE state = 'firing'").all();
    expect(stored.results).toEqual([{ rule: "api_p95_ms", state: "firing" }]);
    expect(posted).toEqual([
      expect.objectContaining({ alerts: [expect.objectContaining({ kind: "fire", rule: "api_p95_ms" })] }),
    ]);

    await runCron(strict);
    expect((await alerts()).active).toHaveLength(1);
    expect(posted).toHaveLength(1);

    routeStats.reset();
    await runCron(strict);
    const after = await alerts();
    expect(after.active).toEqual([]);
    expect(after.past[0]).toMatchObject({ rule: "api_p95_ms", state: "resolved" });
    expect(after.past[0]?.endedAt).not.toBeNull();
    expect(posted[1]).toMatchObject({ alerts: [{ kind: "resolve", rule: "api_p95_ms" }] });
  });

  it("stays quiet under the default thresholds and survives a failing webhook", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("connection refused"));
    feedSlowRequests(80);
    await runCron({ ALERT_WEBHOOK_URL: WEBHOOK });
    expect((await alerts()).active).toEqual([]);

    feedSlowRequests(400);
    await expect(runCron({ ALERT_WEBHOOK_URL: WEBHOOK })).resolves.toBeUndefined();
    expect((await alerts()).active.map((a) => a.rule)).toEqual(["api_p95_ms"]);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("alert webhook failed"));
  });
});

describe("scheduled alert check in production", () => {
  const production = {
    APP_ENV: "production",
    CF_ACCOUNT_ID: "acct123",
    ANALYTICS_API_TOKEN: "ae-token",
  } as const;

  it("judges the Analytics Engine window, not the isolate's own counters", async () => {
    const queries: { url: string; auth: string | null; sql: string }[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const request = new Request(input, init);
      queries.push({
        url: request.url,
        auth: request.headers.get("Authorization"),
        sql: await request.text(),
      });
      const row = { count: "500", p50: 40, p95: 180.5, p99: 240, server_errors: "0", client_errors: "3" };
      const rest = { cache_hits: "90", cache_lookups: "100", db_ms: "900", db_queries: "600" };
      return Response.json({ meta: [], data: [{ ...row, ...rest }], rows: 1 });
    });
    await runCron(production);
    expect(queries).toHaveLength(1);
    expect(queries[0]?.url).toBe(
      "https://api.cloudflare.com/client/v4/accounts/acct123/analytics_engine/sql",
    );
    expect(queries[0]?.auth).toBe("Bearer ae-token");
    expect(queries[0]?.sql).toContain("FROM spotter_requests");
    const { active } = await alerts();
    expect(active).toEqual([expect.objectContaining({ rule: "api_p95_ms", value: 180.5, state: "firing" })]);
  });

  it("fails the run, changing nothing, when Analytics Engine cannot be read", async () => {
    vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("nope", { status: 500 }));
    await expect(runCron(production)).rejects.toThrow("Analytics Engine answered 500");
    expect((await alerts()).active).toEqual([]);
  });
});

describe("metrics and alerts in production", () => {
  const prod = { ...env, APP_ENV: "production", METRICS_TOKEN: "s3cret-token" } as const;
  const call = (path: string, auth?: string) =>
    app.fetch(
      new Request(`http://localhost${path}`, auth ? { headers: { Authorization: auth } } : {}),
      prod,
      createExecutionContext(),
    );

  it("asks for a token, refuses a wrong one and opens with the right one", async () => {
    for (const path of ["/api/metrics", "/api/alerts"]) {
      const missing = await call(path);
      expect(missing.status).toBe(401);
      expect(await missing.json()).toMatchObject({ error: { code: "unauthorized" } });
      const wrong = await call(path, "Bearer not-it");
      expect(wrong.status).toBe(403);
      expect(await wrong.json()).toMatchObject({ error: { code: "forbidden" } });
      expect((await call(path, "Bearer s3cret-token")).status).toBe(200);
    }
  });
});
