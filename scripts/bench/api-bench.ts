// The `api` section: a realistic mix (80 % reads, 20 % sync pushes from many users) at a fixed
// arrival rate against the server `npm start` runs, after a warm-up that is not counted.
import { push, pushBody, signUpUser, workoutMutations, type BenchUser } from "./api-users.ts";
import { parseServerTiming, runOpenLoop, type PlannedRequest, type RequestResult } from "./load-gen.ts";
import type { BenchServer } from "./server.ts";
import { mean, percentile, round, roundOrNull } from "./stats.ts";

export interface EndpointFigures {
  count: number;
  non2xx: number;
  /** Answers by HTTP status; 0 is no answer (connection error or still pending at the end). */
  statuses: Record<string, number>;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** This endpoint's p50 over `/api/health`'s p50 in the same run. */
  p50VsHealth: number | null;
  dbQueriesMean: number | null;
  dbQueriesMax: number | null;
  cacheHitRate: number | null;
}

export interface ApiFigures {
  targetRps: number;
  /** Arrivals actually sent per second (the generator's own rate; below target means it lagged). */
  rateRps: number;
  /** Answers per second over the whole run including the drain at the end. */
  answeredRps: number;
  durationS: number;
  users: number;
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  non2xx: number;
  /** Library reads (`/api/exercises*`) answered from KV. */
  cacheHitRate: number | null;
  dbQueriesPerRequest: number | null;
  dbQueriesMax: number | null;
  /** Worker runtime CPU per request (all workerd processes, from /proc), includes the local proxy. */
  cpuMsPerRequest: number | null;
  endpoints: Record<string, EndpointFigures>;
  /** p99 per second of the run, for the chart. */
  p99BySecondMs: number[];
}

const LIBRARY_QUERIES = [
  "/api/exercises?limit=50",
  "/api/exercises?muscle=quadriceps&limit=50",
  "/api/exercises?coachable=true",
  "/api/exercises?q=squat&limit=20",
  "/api/exercises?equipment=barbell&limit=50",
];
const EXERCISE_IDS = ["Barbell_Full_Squat", "Pushups", "Plank", "Barbell_Deadlift", "Dumbbell_Lunges"];

/** Which request the i-th arrival is: a fixed 20-slot pattern (16 reads, 4 pushes) with rotating targets. */
export function planRequest(i: number, users: readonly BenchUser[]): PlannedRequest {
  const user = users[i % users.length];
  if (!user) throw new Error("planRequest needs at least one user");
  const slot = i % 20;
  const pick = <T>(list: readonly T[]) => list[Math.floor(i / 20) % list.length] as T;
  if (slot < 8) return { endpoint: "GET /api/exercises", method: "GET", path: pick(LIBRARY_QUERIES) };
  if (slot < 11)
    return {
      endpoint: "GET /api/exercises/:id",
      method: "GET",
      path: `/api/exercises/${pick(EXERCISE_IDS)}`,
    };
  if (slot < 14)
    return {
      endpoint: "GET /api/workouts",
      method: "GET",
      path: "/api/workouts?limit=20",
      headers: { cookie: user.cookie },
    };
  if (slot < 16) return { endpoint: "GET /api/health", method: "GET", path: "/api/health" };
  return {
    endpoint: "POST /api/sync/push",
    method: "POST",
    path: "/api/sync/push",
    headers: { cookie: user.cookie },
    body: pushBody(workoutMutations(1, 2)),
  };
}

function countStatuses(results: RequestResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

function figuresOf(results: RequestResult[], healthP50: number | null): EndpointFigures {
  const latencies = results.filter((r) => r.status > 0).map((r) => r.latencyMs);
  const timings = results.map((r) => parseServerTiming(r.serverTiming));
  const queries = timings.flatMap((t) => (t.dbQueries === null ? [] : [t.dbQueries]));
  const cached = timings.filter((t) => t.cache !== null);
  const p50 = percentile(latencies, 0.5);
  return {
    count: results.length,
    non2xx: results.filter((r) => r.status < 200 || r.status > 299).length,
    statuses: countStatuses(results),
    p50Ms: roundOrNull(p50),
    p95Ms: roundOrNull(percentile(latencies, 0.95)),
    p99Ms: roundOrNull(percentile(latencies, 0.99)),
    p50VsHealth: p50 !== null && healthP50 ? round(p50 / healthP50) : null,
    dbQueriesMean: roundOrNull(mean(queries)),
    dbQueriesMax: queries.length ? Math.max(...queries) : null,
    cacheHitRate: cached.length
      ? round(cached.filter((t) => t.cache === "hit").length / cached.length, 3)
      : null,
  };
}

function p99BySecond(results: RequestResult[], durationS: number): number[] {
  return Array.from({ length: Math.ceil(durationS) }, (_, s) => {
    const inSecond = results
      .filter((r) => r.atMs >= s * 1000 && r.atMs < (s + 1) * 1000)
      .map((r) => r.latencyMs);
    return round(percentile(inSecond, 0.99) ?? 0);
  });
}

export async function benchApi(
  server: BenchServer,
  opts: { rateRps: number; durationS: number; warmupS: number; users: number },
  log: (line: string) => void,
): Promise<ApiFigures> {
  const { origin } = server;
  log(`api: signing up ${opts.users} users and seeding their workouts…`);
  const users: BenchUser[] = [];
  for (let u = 0; u < opts.users; u++) {
    const user = await signUpUser(origin, "bench");
    await push(origin, user, pushBody(workoutMutations(10, 3)));
    users.push(user);
  }
  const next = (i: number) => planRequest(i, users);
  log(`api: warm-up ${opts.warmupS} s at ${opts.rateRps} req/s (not counted)…`);
  await runOpenLoop({ origin, rateRps: opts.rateRps, durationS: opts.warmupS, next });
  log(`api: measuring ${opts.durationS} s at ${opts.rateRps} req/s…`);
  const cpuBefore = server.workerdCpuS();
  const wallStart = performance.now();
  const { results, sendSeconds } = await runOpenLoop({
    origin,
    rateRps: opts.rateRps,
    durationS: opts.durationS,
    next,
  });
  const wallS = (performance.now() - wallStart) / 1000;
  const cpuS = server.workerdCpuS() - cpuBefore;

  const byEndpoint = new Map<string, RequestResult[]>();
  for (const r of results) byEndpoint.set(r.endpoint, [...(byEndpoint.get(r.endpoint) ?? []), r]);
  const healthP50 = percentile(
    (byEndpoint.get("GET /api/health") ?? []).map((r) => r.latencyMs),
    0.5,
  );
  const endpoints = Object.fromEntries(
    [...byEndpoint]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, rs]) => [name, figuresOf(rs, healthP50)]),
  );
  const all = figuresOf(results, healthP50);
  const library = results.filter((r) => r.endpoint.startsWith("GET /api/exercises"));
  const latencies = results.filter((r) => r.status > 0).map((r) => r.latencyMs);
  return {
    targetRps: opts.rateRps,
    rateRps: round(results.length / Math.max(opts.durationS, sendSeconds)),
    answeredRps: round(results.filter((r) => r.status > 0).length / wallS),
    durationS: opts.durationS,
    users: users.length,
    requests: results.length,
    p50Ms: all.p50Ms,
    p95Ms: all.p95Ms,
    p99Ms: all.p99Ms,
    maxMs: latencies.length ? round(Math.max(...latencies)) : null,
    non2xx: all.non2xx,
    cacheHitRate: figuresOf(library, healthP50).cacheHitRate,
    dbQueriesPerRequest: all.dbQueriesMean,
    dbQueriesMax: all.dbQueriesMax,
    cpuMsPerRequest: results.length && cpuS > 0 ? round((cpuS * 1000) / results.length) : null,
    endpoints,
    p99BySecondMs: p99BySecond(results, opts.durationS),
  };
}
