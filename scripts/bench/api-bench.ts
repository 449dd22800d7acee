// The `api` section: capacity. N simulated users send the app's own traffic on its real cadence
// (api-traffic.ts); the open-loop arrival rate is stepped up until a step misses p99 ≤ 100 ms or
// answers anything but 2xx, and the highest rate held is the capacity. The same search against a
// bench-only route that returns a constant (the frozen Worker's `/api/__bench/bare`) gives the bare
// Worker's capacity on the same stack in the same run: the ratio is the figure, not the req/s.
import { loadavg } from "node:os";
import { signUpUser } from "./api-users.ts";
import { arrivalsOf, requestsPerUserPerS, userEvents, type TrafficUser } from "./api-traffic.ts";
import { parseServerTiming, runSchedule, type Arrival, type RequestResult } from "./load-gen.ts";
import type { BenchServer } from "./server.ts";
import { waitUntilSettled } from "./server.ts";
import { mean, median, percentile, round, roundOrNull } from "./stats.ts";

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
}

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
  /** p99 per second of the capacity step, for the chart. */
  p99BySecondMs: number[];
  load1AtStart: number;
}

export const P99_LIMIT_MS = 100;

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

const isOk = (r: RequestResult) => r.status >= 200 && r.status <= 299;

function countStatuses(results: RequestResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

function figuresOf(results: RequestResult[]): EndpointFigures {
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

function p99BySecond(results: RequestResult[], fromMs: number, durationS: number): number[] {
  return Array.from({ length: Math.ceil(durationS) }, (_, s) => {
    const inSecond = results
      .filter((r) => r.atMs >= fromMs + s * 1000 && r.atMs < fromMs + (s + 1) * 1000)
      .map((r) => r.latencyMs);
    return round(percentile(inSecond, 0.99) ?? 0);
  });
}

interface StepRun {
  step: CapacityStep;
  measured: RequestResult[];
}

/** Offers `arrivals` (warm-up first, then `stepS` measured seconds) and judges the measured part. */
async function runStep(
  server: BenchServer,
  targetRps: number,
  arrivals: Arrival[],
  warmupMs: number,
  stepS: number,
): Promise<StepRun> {
  const cpuBefore = server.workerdCpuS();
  const { results, sendSeconds } = await runSchedule({
    origin: server.origin,
    arrivals,
    drainTimeoutMs: 10_000,
  });
  const cpuS = server.workerdCpuS() - cpuBefore;
  // Unanswered requests carry atMs 0: they count against the step, wherever they were scheduled.
  const measured = results.filter((r) => r.atMs >= warmupMs || r.status === 0);
  const all = figuresOf(measured);
  // The users' schedule varies around the target: the rate offered is what was sent. Sending it
  // taking longer than the schedule means the generator itself lagged, and the step does not count.
  const windowS = warmupMs / 1000 + stepS;
  const lagged = sendSeconds > windowS + 0.5;
  const sentRps = measured.length / stepS;
  const held = all.non2xx === 0 && (all.p99Ms ?? Infinity) <= P99_LIMIT_MS && !lagged;
  const step: CapacityStep = {
    targetRps: round(targetRps, 0),
    sentRps: round(sentRps, 1),
    requests: measured.length,
    lagged,
    p50Ms: all.p50Ms,
    p99Ms: all.p99Ms,
    non2xx: all.non2xx,
    held,
    cpuMsPerRequest: results.length && cpuS > 0 ? round((cpuS * 1000) / results.length) : null,
    load1: round(loadavg()[0] ?? 0),
  };
  return { step, measured };
}

/**
 * The repeats of one rate as one step: the repeat with the median p99 stands for it (its requests
 * are the step's figures), held only if every repeat answered 2xx and none lagged.
 */
function medianRun(runs: StepRun[]): StepRun {
  const byP99 = [...runs].sort((a, b) => (a.step.p99Ms ?? Infinity) - (b.step.p99Ms ?? Infinity));
  const middle = byP99[Math.floor((byP99.length - 1) / 2)] ?? runs[0]!;
  const non2xx = runs.reduce((sum, r) => sum + r.step.non2xx, 0);
  const lagged = runs.some((r) => r.step.lagged);
  const cpu = runs.map((r) => r.step.cpuMsPerRequest).filter((c): c is number => c !== null);
  const step: CapacityStep = {
    ...middle.step,
    non2xx,
    lagged,
    held: non2xx === 0 && !lagged && (middle.step.p99Ms ?? Infinity) <= P99_LIMIT_MS,
    cpuMsPerRequest: cpu.length ? round(median(cpu) ?? NaN) : null,
    p99sMs: runs.map((r) => r.step.p99Ms),
  };
  return { step, measured: middle.measured };
}

/**
 * Steps the rate up by `growth` from `startRps` until a step is not held, then halves the gap
 * between the last held and the first missed rate `refine` times. Returns every step and the
 * highest held one (null when even the first was missed).
 */
async function searchCapacity(
  server: BenchServer,
  arrivalsAt: (rps: number) => { arrivals: Arrival[]; warmupMs: number },
  opts: {
    startRps: number;
    growth: number;
    refine: number;
    maxRps: number;
    stepS: number;
    repeats: number;
    label: string;
  },
  log: (line: string) => void,
): Promise<{ steps: CapacityStep[]; best: StepRun | null }> {
  const steps: CapacityStep[] = [];
  let best: StepRun | null = null;
  let missed: number | null = null;
  const tryRate = async (rps: number) => {
    // The same rate `repeats` times (fresh traffic each): the step's p99 is the median of theirs,
    // so one burst from other work on the machine neither makes nor breaks a rate. Any non-2xx in
    // any repeat, or a generator that lagged, still misses it.
    const runs: StepRun[] = [];
    for (let r = 0; r < opts.repeats; r++) {
      const { arrivals, warmupMs } = arrivalsAt(rps);
      runs.push(await runStep(server, rps, arrivals, warmupMs, opts.stepS));
      await waitUntilSettled(server);
    }
    const run = medianRun(runs);
    steps.push(run.step);
    const s = run.step;
    log(
      `api: ${opts.label} ${s.targetRps} req/s → sent ${s.sentRps}, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms ` +
        `(repeats ${s.p99sMs?.join(" / ")}), ${s.non2xx} non-2xx, ${s.cpuMsPerRequest ?? "–"} ms CPU/req: ` +
        `${s.held ? "held" : s.lagged ? "generator lagged" : "missed"} (load ${s.load1})`,
    );
    if (s.held) best = run;
    else missed = rps;
    return s.held;
  };
  for (let rps = opts.startRps; rps <= opts.maxRps; rps *= opts.growth) {
    if (!(await tryRate(rps))) break;
  }
  for (let i = 0; i < opts.refine && missed !== null; i++) {
    const low = (best as StepRun | null)?.step.targetRps ?? 0;
    const high: number = missed;
    if (high - low < Math.max(2, low * 0.05)) break;
    const mid = (low + high) / 2;
    if (await tryRate(mid)) missed = high;
  }
  return { steps, best };
}

export interface ApiBenchOptions {
  users: number;
  stepS: number;
  warmupS: number;
  /** Halvings of the gap between the last held and the first missed rate. */
  refine: number;
  /** Runs of each rate; the step's p99 is their median (default 3). */
  repeats?: number;
  startRps?: number;
  maxRps?: number;
}

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
    stepS: opts.stepS,
    repeats: opts.repeats ?? 3,
  };
  let seed = 2;
  const appArrivals = (rps: number) => {
    const compression = rps / (perUser * users.length);
    const windowS = (opts.warmupS + opts.stepS) * compression;
    const events = userEvents(users.length, windowS, seededRandom(seed++));
    // A visit's later requests (profile reads, a push's pull) past the window's end are left out.
    const endMs = windowS * (1000 / compression);
    return {
      arrivals: arrivalsOf(events, users, server.origin, compression).filter((a) => a.atMs < endMs),
      warmupMs: opts.warmupS * 1000,
    };
  };
  const app = await searchCapacity(
    server,
    appArrivals,
    { ...search, startRps: opts.startRps ?? 8, label: "app mix" },
    log,
  );
  const bareArrivals = (rps: number) => ({
    arrivals: Array.from({ length: Math.round(rps * (opts.warmupS + opts.stepS)) }, (_, i) => ({
      atMs: (i * 1000) / rps,
      plan: () => ({ endpoint: "GET /api/__bench/bare", method: "GET" as const, path: "/api/__bench/bare" }),
    })),
    warmupMs: opts.warmupS * 1000,
  });
  const bare = await searchCapacity(
    server,
    bareArrivals,
    { ...search, startRps: opts.startRps ?? 8, label: "bare Worker" },
    log,
  );
  const best = app.best as StepRun | null;
  const bareBest = bare.best as StepRun | null;
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
    p99BySecondMs: p99BySecond(measured, opts.warmupS * 1000, opts.stepS),
    load1AtStart,
  };
}
