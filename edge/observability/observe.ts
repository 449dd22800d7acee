import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../http/request-metrics";
import { routeStats, type RequestSample } from "./route-stats";

/** Requests that matched no handler share one key, so unknown paths cannot grow the store. */
export const UNMATCHED_ROUTE = "* (unmatched)";

/** `METHOD /pattern` of the handler that answered: the last matched route that is not middleware. */
export function routeKey(c: Context): string {
  const last = matchedRoutes(c).at(-1);
  if (!last || last.method === "ALL") return UNMATCHED_ROUTE;
  return `${last.method} ${last.path}`;
}

/** One JSON line per request: cheap to build, easy to query in Workers Logs. */
export function requestLogLine(sample: RequestSample): string {
  return JSON.stringify({
    msg: "request",
    route: sample.route,
    status: sample.status,
    durationMs: Math.round(sample.durationMs * 10) / 10,
    dbMs: Math.round(sample.dbMs * 10) / 10,
    dbQueries: sample.dbQueries,
    cache: sample.cache ?? "none",
  });
}

/**
 * After each request: record it in the isolate's route stats, write an Analytics Engine data point
 * (fire-and-forget: `writeDataPoint` returns nothing to wait for) and log one line unless
 * `LOG_REQUESTS` is "0". Runs inside `requestMetrics()`, so errors have become responses already.
 */
export const observeRequests = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const metrics = c.var.metrics;
    const sample: RequestSample = {
      route: routeKey(c),
      status: c.res.status,
      durationMs: performance.now() - metrics.startedAt,
      dbMs: metrics.dbMs,
      dbQueries: metrics.dbQueries,
      cache: metrics.cacheConsulted,
    };
    routeStats.add(sample);
    c.env.METRICS?.writeDataPoint({
      indexes: [sample.route],
      blobs: [sample.route, String(sample.status), sample.cache ?? "none"],
      doubles: [sample.durationMs, sample.dbMs, sample.dbQueries, sample.status],
    });
    if (c.env.LOG_REQUESTS !== "0") console.log(requestLogLine(sample));
  });
