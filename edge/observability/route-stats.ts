// Per-route request statistics kept inside the isolate: one aggregate since start plus 10-second
// slots for the sliding window. Locally (`wrangler dev`) there is one isolate, so this is the whole
// picture; in production the same samples go to Analytics Engine (see observe.ts).
import { mergeInto, newHistogram, quantileMs, record, type Histogram } from "./histogram";

/** One finished request, as the middleware saw it. */
export interface RequestSample {
  /** `METHOD /pattern`, e.g. `GET /api/workouts/:id`; unmatched requests share one key. */
  route: string;
  status: number;
  durationMs: number;
  dbMs: number;
  dbQueries: number;
  /** Set only when the handler consulted the cache. */
  cache?: "hit" | "miss";
}

interface Aggregate {
  count: number;
  serverErrors: number;
  clientErrors: number;
  cacheHits: number;
  cacheLookups: number;
  dbMs: number;
  dbQueries: number;
  latency: Histogram;
}

/** Figures for one route (or all routes) over one span of time. */
export interface RouteFigures {
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Share of 5xx answers, 0..1. */
  errorRate: number;
  /** Share of 4xx answers, 0..1. */
  clientErrorRate: number;
  /** Hits over cache lookups, 0..1; null when nothing consulted the cache. */
  cacheHitRate: number | null;
  cacheLookups: number;
  dbMsPerRequest: number;
  dbQueriesPerRequest: number;
}

export const SLOT_MS = 10_000;
export const WINDOW_MS = 5 * 60_000;
const SLOTS_KEPT = WINDOW_MS / SLOT_MS + 1;

const emptyAggregate = (): Aggregate => ({
  count: 0,
  serverErrors: 0,
  clientErrors: 0,
  cacheHits: 0,
  cacheLookups: 0,
  dbMs: 0,
  dbQueries: 0,
  latency: newHistogram(),
});

function add(agg: Aggregate, s: RequestSample): void {
  agg.count += 1;
  if (s.status >= 500) agg.serverErrors += 1;
  else if (s.status >= 400) agg.clientErrors += 1;
  if (s.cache) {
    agg.cacheLookups += 1;
    if (s.cache === "hit") agg.cacheHits += 1;
  }
  agg.dbMs += s.dbMs;
  agg.dbQueries += s.dbQueries;
  record(agg.latency, s.durationMs);
}

function merge(target: Aggregate, source: Aggregate): void {
  target.count += source.count;
  target.serverErrors += source.serverErrors;
  target.clientErrors += source.clientErrors;
  target.cacheHits += source.cacheHits;
  target.cacheLookups += source.cacheLookups;
  target.dbMs += source.dbMs;
  target.dbQueries += source.dbQueries;
  mergeInto(target.latency, source.latency);
}

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

function figures(agg: Aggregate): RouteFigures {
  const per = (n: number) => (agg.count === 0 ? 0 : round(n / agg.count));
  return {
    count: agg.count,
    p50Ms: quantileMs(agg.latency, 0.5),
    p95Ms: quantileMs(agg.latency, 0.95),
    p99Ms: quantileMs(agg.latency, 0.99),
    errorRate: per(agg.serverErrors),
    clientErrorRate: per(agg.clientErrors),
    cacheHitRate: agg.cacheLookups === 0 ? null : round(agg.cacheHits / agg.cacheLookups),
    cacheLookups: agg.cacheLookups,
    dbMsPerRequest: per(agg.dbMs),
    dbQueriesPerRequest: per(agg.dbQueries),
  };
}

interface RouteSeries {
  total: Aggregate;
  slots: Map<number, Aggregate>;
}

/** A snapshot for one span: all routes together and each route on its own. */
export interface SpanFigures {
  all: RouteFigures;
  routes: Record<string, RouteFigures>;
}

export interface MetricsSnapshot {
  generatedAt: string;
  startedAt: string;
  windowMs: number;
  window: SpanFigures;
  sinceStart: SpanFigures;
}

/** Collects samples per route; `snapshot()` turns them into percentiles and rates. */
export class RouteStats {
  private readonly series = new Map<string, RouteSeries>();
  private startedAtMs: number;

  constructor(private readonly now: () => number = Date.now) {
    this.startedAtMs = now();
  }

  add(sample: RequestSample): void {
    let series = this.series.get(sample.route);
    if (!series) {
      series = { total: emptyAggregate(), slots: new Map() };
      this.series.set(sample.route, series);
    }
    add(series.total, sample);
    const slot = Math.floor(this.now() / SLOT_MS);
    let agg = series.slots.get(slot);
    if (!agg) {
      agg = emptyAggregate();
      series.slots.set(slot, agg);
      for (const old of series.slots.keys()) if (old <= slot - SLOTS_KEPT) series.slots.delete(old);
    }
    add(agg, sample);
  }

  /** Figures over the last `windowMs` (rounded to 10-second slots) and since start. */
  snapshot(windowMs = WINDOW_MS): MetricsSnapshot {
    const nowMs = this.now();
    const firstSlot = Math.floor((nowMs - windowMs) / SLOT_MS) + 1;
    const windowAll = emptyAggregate();
    const totalAll = emptyAggregate();
    const window: SpanFigures = { all: figures(windowAll), routes: {} };
    const sinceStart: SpanFigures = { all: figures(totalAll), routes: {} };
    for (const [route, series] of [...this.series].sort(([a], [b]) => a.localeCompare(b))) {
      const windowAgg = emptyAggregate();
      for (const [slot, agg] of series.slots) if (slot >= firstSlot) merge(windowAgg, agg);
      if (windowAgg.count > 0) window.routes[route] = figures(windowAgg);
      sinceStart.routes[route] = figures(series.total);
      merge(windowAll, windowAgg);
      merge(totalAll, series.total);
    }
    window.all = figures(windowAll);
    sinceStart.all = figures(totalAll);
    return {
      generatedAt: new Date(nowMs).toISOString(),
      startedAt: new Date(this.startedAtMs).toISOString(),
      windowMs,
      window,
      sinceStart,
    };
  }

  reset(): void {
    this.series.clear();
    this.startedAtMs = this.now();
  }
}

/** The isolate's store: module state is the point (one isolate locally, one per instance in production). */
export const routeStats = new RouteStats();
