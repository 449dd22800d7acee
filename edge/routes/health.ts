import { Hono } from "hono";
import pkg from "../../package.json";
import type { AppEnv } from "../http/request-metrics";

async function probe(run: () => Promise<unknown>): Promise<{ ok: boolean; ms: number }> {
  const t0 = performance.now();
  try {
    await run();
    return { ok: true, ms: performance.now() - t0 };
  } catch {
    return { ok: false, ms: performance.now() - t0 };
  }
}

/** `GET /api/health`: the version and whether D1 and KV answer. 503 when either does not. */
export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const metrics = c.var.metrics;
  const [db, kv] = await Promise.all([
    probe(() => metrics.db(() => c.env.DB.prepare("SELECT 1 AS ok").first())),
    probe(() => c.env.CACHE.get("health:probe")),
  ]);
  const ok = db.ok && kv.ok;
  return c.json({ status: ok ? "ok" : "degraded", version: pkg.version, db, kv } as const, ok ? 200 : 503);
});
