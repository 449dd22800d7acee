// The `api` section: capacity. N simulated users send the app's own traffic on its real cadence
// (api-traffic.ts); the open-loop arrival rate is stepped up until a step misses p99 ≤ 100 ms or
// answers anything but 2xx, and the highest rate held is the capacity. The same search against a
// bench-only route that returns a constant (the frozen Worker's `/api/__bench/bare`) gives the bare
// Worker's capacity on the same stack in the same run: the ratio is the figure, not the req/s. The
// two searches take turns step by step (api-search.ts), so both meet the same background load.
import { loadavg } from "node:os";
import { signUpUser } from "./api-users.ts";
import { arrivalsOf, pull, requestsPerUserPerS, userEvents, type TrafficUser } from "./api-traffic.ts";
import { figuresOf, type CapacityStep, type EndpointFigures } from "./api-figures.ts";
import { RateSearch, searchInterleaved } from "./api-search.ts";
import { runSchedule, type RequestResult } from "./load-gen.ts";
import { waitUntilSettled, type BenchServer } from "./server.ts";
import { median, percentile, round } from "./stats.ts";

export type { CapacityStep, EndpointFigures } from "./api-figures.ts";
export { P99_LIMIT_MS } from "./api-search.ts";

export interface ApiFigures {
  /** Highest arrival rate of the app's mix held with p99 ≤ 100 ms and 0 non-2xx (the rate sent in that step). */
  capacityRps: number;
  /** The same for a route that returns a constant, same stack, same run. */
  bareCapacityRps: number;
  /** capacityRps / bareCapacityRps (goal ≥ 0.5). */
  capacityVsBare: number | null;
  /**
   * Bare Worker CPU per request over the app mix's, both at their capacity step: the capacity ratio
   * the CPU alone allows. On a shared machine the p99 limit is often set by other processes' load,
   * which this ratio is not.
   */
  cpuCostVsBare: number | null;
  /**
   * The same from every step of both searches (median CPU per request of the bare route's steps
   * over the app mix's): there even when no step held, as on a machine busy with other work.
   */
  cpuCostVsBareAllSteps: number | null;
  simulatedUsers: number;
  /** Requests a user sends per second at real cadence, averaged over visits and gaps. */
  requestsPerUserPerS: number;
  /** Users at real cadence that the capacity serves: capacityRps / requestsPerUserPerS. */
  usersAtCapacity: number;
  /** How many times faster than real time the users' cadence ran at the capacity step. */
  timeCompressionAtCapacity: number;
  stepS: number;
  warmupS: number;
  /** Figures of the capacity step (the highest held). */
  p50Ms: number | null;
  p99Ms: number | null;
  non2xx: number;
  dbQueriesMax: number | null;
  cpuMsPerRequest: number | null;
  bareCpuMsPerRequest: number | null;
  endpoints: Record<string, EndpointFigures>;
  steps: CapacityStep[];
  bareSteps: CapacityStep[];
  /** The app mix's capacity rate run again beside the bare route's later steps (and the reverse). */
  recheckSteps: CapacityStep[];
  bareRecheckSteps: CapacityStep[];
  /** p99 per second of the capacity step (its repeats together, by second from each start), for the chart. */
  p99BySecondMs: number[];
  load1AtStart: number;
  /** The machine's load average over the capacity step's repeats, app mix and bare route. */
  load1AtCapacity: { app: number | null; bare: number | null };
}

/** mulberry32: a small seeded generator, so a run's traffic can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function p99BySecond(results: RequestResult[], fromMs: number, durationS: number): number[] {
  return Array.from({ length: Math.ceil(durationS) }, (_, s) => {
    const inSecond = results
      .filter((r) => r.atMs >= fromMs + s * 1000 && r.atMs < fromMs + (s + 1) * 1000)
      .map((r) => r.latencyMs);
    return round(percentile(inSecond, 0.99) ?? 0);
  });
}

export interface ApiBenchOptions {
  users: number;
  stepS: number;
  warmupS: number;
  /** Halvings of the gap between the last held and the first missed rate. */
  refine: number;
  /** Runs of each rate, taking turns with the other route's; the step's p99 is of all their requests (default 3). */
  repeats?: number;
  /** Requests a rate's repeats send at least, together (default 400): each lasts longer at low rates. */
  minRequests?: number;
  startRps?: number;
  maxRps?: number;
}

/** The rate of the unmeasured pulls that bring every user to steady state before the steps. */
const WARM_PULLS_PER_S = 100;

/** Signs up `count` users through the real passkey routes, `parallel` at a time, with progress. */
async function signUpUsers(
  origin: string,
  count: number,
  log: (line: string) => void,
  parallel = 16,
): Promise<TrafficUser[]> {
  const users: TrafficUser[] = [];
  const t0 = performance.now();
  const one = async (): Promise<TrafficUser> => {
    const user = await signUpUser(origin, "cap");
    return { ...user, workoutId: null, setsLogged: 0 };
  };
  for (let i = 0; i < count; i += parallel) {
    users.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, one))));
    if (users.length % 200 < parallel) {
      log(`api:   ${users.length} of ${count} signed up (${round((performance.now() - t0) / 1000, 1)} s)`);
    }
  }
  return users;
}

/** Median CPU per request of the `bare` steps over that of the `app` steps. */
function cpuRatio(bare: readonly CapacityStep[], app: readonly CapacityStep[]): number | null {
  const cpu = (steps: readonly CapacityStep[]) =>
    median(steps.map((s) => s.cpuMsPerRequest).filter((c): c is number => c !== null));
  const [b, a] = [cpu(bare), cpu(app)];
  return b !== null && a !== null && a > 0 ? round(b / a) : null;
}

export async function benchApi(
  server: BenchServer,
  opts: ApiBenchOptions,
  log: (line: string) => void,
): Promise<ApiFigures> {
  const load1AtStart = round(loadavg()[0] ?? 0);
  log(`api: signing up ${opts.users} users (passkeys, through the real routes)…`);
  const users = await signUpUsers(server.origin, opts.users, log);
  const perUser = requestsPerUserPerS(seededRandom(1));
  log(
    `api: one user sends ${round(perUser, 4)} req/s at real cadence; ${opts.users} users ` +
      `send ${round(perUser * opts.users, 1)} req/s, so a step runs their cadence faster (load ${load1AtStart})`,
  );
  const search = {
    growth: 1.5,
    refine: opts.refine,
    maxRps: opts.maxRps ?? 20_000,
    startRps: opts.startRps ?? 8,
  };
  let seed = 2;
  const appArrivals = (rps: number, stepS: number) => {
    const compression = rps / (perUser * users.length);
    const windowS = (opts.warmupS + stepS) * compression;
    const events = userEvents(users.length, windowS, seededRandom(seed++));
    // A visit's later requests (profile reads, a push's pull) past the window's end are left out.
    const endMs = windowS * (1000 / compression);
    return {
      arrivals: arrivalsOf(events, users, server.origin, compression).filter((a) => a.atMs < endMs),
      warmupMs: opts.warmupS * 1000,
    };
  };
  const bareArrivals = (rps: number, stepS: number) => ({
    arrivals: Array.from({ length: Math.round(rps * (opts.warmupS + stepS)) }, (_, i) => ({
      atMs: (i * 1000) / rps,
      plan: () => ({ endpoint: "GET /api/__bench/bare", method: "GET" as const, path: "/api/__bench/bare" }),
    })),
    warmupMs: opts.warmupS * 1000,
  });
  // The users are mid-visit (userEvents starts in steady state), so each has pulled before: the
  // server's per-user state (the session in the isolate's memory, what the user's head object knows
  // of their records) starts as a minute of real use leaves it, not cold. Two pulls each, unmeasured.
  log(`api: each user's app pulls twice first (steady state, not measured)…`);
  await runSchedule({
    origin: server.origin,
    arrivals: [0, 1].flatMap((round) =>
      users.map((user, i) => ({
        atMs: ((round * users.length + i) * 1000) / WARM_PULLS_PER_S,
        plan: () => pull(user),
      })),
    ),
  });
  await waitUntilSettled(server);
  // One unmeasured pass of each at the first rate: the first step after 1,000 sign-ups had the same
  // slow tail in two runs (p99 140.78 ms both times, for the constant route), whatever came first.
  for (const warm of [bareArrivals, appArrivals]) {
    await runSchedule({ origin: server.origin, arrivals: warm(search.startRps, opts.stepS).arrivals });
    await waitUntilSettled(server);
  }
  const bare = new RateSearch("bare Worker", bareArrivals, search);
  const app = new RateSearch("app mix", appArrivals, search);
  await searchInterleaved(
    server,
    [bare, app],
    { stepS: opts.stepS, repeats: opts.repeats ?? 3, minRequests: opts.minRequests ?? 400 },
    log,
  );
  const best = app.best;
  const bareBest = bare.best;
  const capacityRps = best?.step.sentRps ?? 0;
  const bareCapacityRps = bareBest?.step.sentRps ?? 0;
  const measured = best?.measured ?? [];
  const byEndpoint = new Map<string, RequestResult[]>();
  for (const r of measured) byEndpoint.set(r.endpoint, [...(byEndpoint.get(r.endpoint) ?? []), r]);
  const all = figuresOf(measured);
  return {
    capacityRps,
    bareCapacityRps,
    capacityVsBare: bareCapacityRps > 0 ? round(capacityRps / bareCapacityRps) : null,
    cpuCostVsBare:
      best?.step.cpuMsPerRequest && bareBest?.step.cpuMsPerRequest
        ? round(bareBest.step.cpuMsPerRequest / best.step.cpuMsPerRequest)
        : null,
    cpuCostVsBareAllSteps: cpuRatio(bare.steps, app.steps),
    simulatedUsers: users.length,
    requestsPerUserPerS: round(perUser, 4),
    usersAtCapacity: Math.round(capacityRps / perUser),
    timeCompressionAtCapacity: round(capacityRps / (perUser * users.length), 1),
    stepS: opts.stepS,
    warmupS: opts.warmupS,
    p50Ms: all.p50Ms,
    p99Ms: all.p99Ms,
    non2xx: all.non2xx,
    dbQueriesMax: all.dbQueriesMax,
    cpuMsPerRequest: best?.step.cpuMsPerRequest ?? null,
    bareCpuMsPerRequest: bareBest?.step.cpuMsPerRequest ?? null,
    endpoints: Object.fromEntries(
      [...byEndpoint].sort(([a], [b]) => a.localeCompare(b)).map(([name, rs]) => [name, figuresOf(rs)]),
    ),
    steps: app.steps,
    bareSteps: bare.steps,
    recheckSteps: app.rechecks,
    bareRecheckSteps: bare.rechecks,
    p99BySecondMs: p99BySecond(measured, opts.warmupS * 1000, best?.step.stepS ?? opts.stepS),
    load1AtStart,
    load1AtCapacity: { app: best?.step.load1 ?? null, bare: bareBest?.step.load1 ?? null },
  };
}
