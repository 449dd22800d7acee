// What the API bench reports per step and per endpoint, and how a step's answers become figures.
import { parseServerTiming, type RequestResult } from "./load-gen.ts";
import { mean, percentile, roundOrNull } from "./stats.ts";

export interface EndpointFigures {
  count: number;
  non2xx: number;
  /** Answers by HTTP status; 0 is no answer (connection error or still pending at the end). */
  statuses: Record<string, number>;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  dbQueriesMean: number | null;
  dbQueriesMax: number | null;
}

/** One step of the search: a rate offered for a while, and whether it was held. */
export interface CapacityStep {
  targetRps: number;
  /** Measured seconds of each repeat (longer at low rates, for enough requests). */
  stepS: number;
  /** Arrivals sent per second in the measured part (the users' schedule varies around the target). */
  sentRps: number;
  /** The generator could not keep to the schedule (the step does not count). */
  lagged: boolean;
  requests: number;
  p50Ms: number | null;
  p99Ms: number | null;
  non2xx: number;
  held: boolean;
  /** Worker runtime CPU per request in this step (all workerd processes, from /proc). */
  cpuMsPerRequest: number | null;
  /** 1-minute load average of the machine when the step ended (other work shares it). */
  load1: number;
  /** p99 of each repeat of this rate (the step's p99 is their median). */
  p99sMs?: (number | null)[];
  /** The load average after each repeat (the step's load1 is their median). */
  loads1?: number[];
  /** p99 of how late the generator sent the step's requests (its own stalls, not the server's). */
  sendLagP99Ms?: number | null;
  /** The non-2xx answers by endpoint and status ("POST /api/sync/push 409"; 0: no answer). */
  failures?: Record<string, number>;
  /** Requests sent again once after the server closed their kept-alive connection (see load-gen). */
  resent?: number;
  /** The endpoints with the slowest p99 in this step, slowest first: where a miss came from. */
  slowest?: { endpoint: string; count: number; p50Ms: number | null; p99Ms: number | null }[];
}

const isOk = (r: RequestResult) => r.status >= 200 && r.status <= 299;

/** The non-2xx answers of `results`, counted by endpoint and status. */
export function failuresOf(results: readonly RequestResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    if (isOk(r)) continue;
    const key = `${r.endpoint} ${r.status}${r.error ? ` (${r.error})` : ""}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function countStatuses(results: RequestResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

export function figuresOf(results: RequestResult[]): EndpointFigures {
  const latencies = results.filter((r) => r.status > 0).map((r) => r.latencyMs);
  const queries = results.flatMap((r) => {
    const q = parseServerTiming(r.serverTiming).dbQueries;
    return q === null ? [] : [q];
  });
  return {
    count: results.length,
    non2xx: results.filter((r) => !isOk(r)).length,
    statuses: countStatuses(results),
    p50Ms: roundOrNull(percentile(latencies, 0.5)),
    p95Ms: roundOrNull(percentile(latencies, 0.95)),
    p99Ms: roundOrNull(percentile(latencies, 0.99)),
    dbQueriesMean: roundOrNull(mean(queries)),
    dbQueriesMax: queries.length ? Math.max(...queries) : null,
  };
}

/** The `n` endpoints of `results` with the highest p99, slowest first. */
export function slowestEndpoints(results: RequestResult[], n = 3): NonNullable<CapacityStep["slowest"]> {
  const byEndpoint = new Map<string, RequestResult[]>();
  for (const r of results) byEndpoint.set(r.endpoint, [...(byEndpoint.get(r.endpoint) ?? []), r]);
  return [...byEndpoint]
    .map(([endpoint, rs]) => {
      const f = figuresOf(rs);
      return { endpoint, count: f.count, p50Ms: f.p50Ms, p99Ms: f.p99Ms };
    })
    .sort((a, b) => (b.p99Ms ?? Infinity) - (a.p99Ms ?? Infinity))
    .slice(0, n);
}
