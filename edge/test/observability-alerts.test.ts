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

afterEach(() => {
  vi.restoreAllMocks();
  routeStats.reset();
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
