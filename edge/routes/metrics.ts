import { Hono } from "hono";
import type { AppEnv } from "../http/request-metrics";
import { adminOutsideDevelopment } from "../observability/admin-guard";
import { routeStats } from "../observability/route-stats";

/** `GET /api/metrics`: per-route p50/p95/p99, error and cache hit rates, D1 use; last 5 minutes and since start. */
export const metricsRoutes = new Hono<AppEnv>()
  .use(adminOutsideDevelopment())
  .get("/", (c) => c.json(routeStats.snapshot()));
