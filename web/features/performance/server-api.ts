// Reads the server's /api/metrics and /api/alerts, validated: the page shows only what it checked.
import * as v from "valibot";

const Figures = v.object({
  count: v.number(),
  p50Ms: v.nullable(v.number()),
  p95Ms: v.nullable(v.number()),
  p99Ms: v.nullable(v.number()),
  errorRate: v.number(),
  clientErrorRate: v.number(),
  cacheHitRate: v.nullable(v.number()),
  cacheLookups: v.number(),
  dbMsPerRequest: v.number(),
  dbQueriesPerRequest: v.number(),
});

const Span = v.object({ all: Figures, routes: v.record(v.string(), Figures) });

const Snapshot = v.object({
  generatedAt: v.string(),
  startedAt: v.string(),
  windowMs: v.number(),
  window: Span,
  sinceStart: Span,
});

const Alert = v.object({
  id: v.number(),
  rule: v.string(),
  value: v.nullable(v.number()),
  peakValue: v.nullable(v.number()),
  threshold: v.number(),
  state: v.picklist(["firing", "resolved"]),
  startedAt: v.string(),
  endedAt: v.nullable(v.string()),
});

const Alerts = v.object({ active: v.array(Alert), past: v.array(Alert) });

export type ServerFigures = v.InferOutput<typeof Figures>;
export type ServerSnapshot = v.InferOutput<typeof Snapshot>;
export type ServerAlert = v.InferOutput<typeof Alert>;
export type ServerAlerts = v.InferOutput<typeof Alerts>;

/** Why the server's figures could not be read: worded on the page by `reason`. */
export class ServerMetricsError extends Error {
  readonly code = "server_metrics_unavailable";
  constructor(
    readonly reason: "http" | "shape" | "network",
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "ServerMetricsError";
  }
}

async function getJson<T>(
  path: string,
  schema: v.GenericSchema<unknown, T>,
  signal?: AbortSignal,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { Accept: "application/json" } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ServerMetricsError("network", `${path} could not be reached`);
  }
  if (!res.ok) throw new ServerMetricsError("http", `${path} answered ${res.status}`, res.status);
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) throw new ServerMetricsError("shape", `${path} answered in an unexpected shape`);
  return parsed.output;
}

export const fetchServerMetrics = (signal?: AbortSignal) => getJson("/api/metrics", Snapshot, signal);
export const fetchServerAlerts = (signal?: AbortSignal) => getJson("/api/alerts", Alerts, signal);
