// Production's alert window: the last 5 minutes of every isolate's data points, read back from the
// Analytics Engine SQL API (the cron isolate's own counters would see almost no traffic).
import * as v from "valibot";
import type { RouteFigures, SpanFigures } from "./route-stats";

export const ANALYTICS_DATASET = "spotter_requests";

export class AnalyticsQueryError extends Error {
  readonly code = "analytics_query_failed";
}

// double1 = duration ms, double2 = D1 ms, double3 = D1 queries, double4 = status; blob3 = cache result.
// Sampled rows stand for `_sample_interval` requests each, hence the weights.
export const WINDOW_SQL = `SELECT
  SUM(_sample_interval) AS count,
  quantileExactWeighted(0.5)(double1, _sample_interval) AS p50,
  quantileExactWeighted(0.95)(double1, _sample_interval) AS p95,
  quantileExactWeighted(0.99)(double1, _sample_interval) AS p99,
  SUM(IF(double4 >= 500, _sample_interval, 0)) AS server_errors,
  SUM(IF(double4 >= 400 AND double4 < 500, _sample_interval, 0)) AS client_errors,
  SUM(IF(blob3 = 'hit', _sample_interval, 0)) AS cache_hits,
  SUM(IF(blob3 != 'none', _sample_interval, 0)) AS cache_lookups,
  SUM(_sample_interval * double2) AS db_ms,
  SUM(_sample_interval * double3) AS db_queries
FROM ${ANALYTICS_DATASET}
WHERE timestamp > NOW() - INTERVAL '5' MINUTE
FORMAT JSON`;

// ClickHouse's JSON output writes 64-bit integers as strings.
const Num = v.union([v.number(), v.pipe(v.string(), v.decimal(), v.transform(Number))]);
const NullableNum = v.nullish(Num, null);

const WindowRow = v.object({
  count: Num,
  p50: NullableNum,
  p95: NullableNum,
  p99: NullableNum,
  server_errors: Num,
  client_errors: Num,
  cache_hits: Num,
  cache_lookups: Num,
  db_ms: Num,
  db_queries: Num,
});
const WindowAnswer = v.object({ data: v.array(WindowRow) });

const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

function toFigures(row: v.InferOutput<typeof WindowRow>): RouteFigures {
  const nanToNull = (n: number | null) => (n === null || Number.isNaN(n) ? null : Math.round(n * 100) / 100);
  return {
    count: row.count,
    p50Ms: nanToNull(row.p50),
    p95Ms: nanToNull(row.p95),
    p99Ms: nanToNull(row.p99),
    errorRate: ratio(row.server_errors, row.count),
    clientErrorRate: ratio(row.client_errors, row.count),
    cacheHitRate: row.cache_lookups === 0 ? null : ratio(row.cache_hits, row.cache_lookups),
    cacheLookups: row.cache_lookups,
    dbMsPerRequest: ratio(row.db_ms, row.count),
    dbQueriesPerRequest: ratio(row.db_queries, row.count),
  };
}

/** All routes together over the last 5 minutes, from Analytics Engine. Throws AnalyticsQueryError. */
export async function analyticsWindow(accountId: string, apiToken: string): Promise<SpanFigures> {
  const url = `https://api.cloudflare.com/client/v4/accounts/${accountId}/analytics_engine/sql`;
  const res = await fetch(url, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiToken}` },
    body: WINDOW_SQL,
  });
  if (!res.ok) throw new AnalyticsQueryError(`Analytics Engine answered ${res.status}`);
  const parsed = v.safeParse(WindowAnswer, await res.json());
  if (!parsed.success) throw new AnalyticsQueryError("Analytics Engine answered in an unexpected shape");
  const row = parsed.output.data[0];
  if (!row) throw new AnalyticsQueryError("Analytics Engine returned no row");
  return { all: toFigures(row), routes: {} };
}
