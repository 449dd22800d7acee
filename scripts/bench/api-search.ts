// The capacity search: a rate is stepped up until a step misses p99 ≤ 100 ms or answers anything
// but 2xx, then the gap between the last held and the first missed rate is halved. Several searches
// (the bare route, the app's mix) run interleaved, one repeat of each in turn, so they meet the
// same background load on a machine other work shares: the ratio of their capacities is the figure.
import { loadavg } from "node:os";
import { runSchedule, type Arrival, type RequestResult } from "./load-gen.ts";
import { failuresOf, figuresOf, slowestEndpoints, type CapacityStep } from "./api-figures.ts";
import type { BenchServer } from "./server.ts";
import { waitUntilSettled } from "./server.ts";
import { median, percentile, round, roundOrNull } from "./stats.ts";

export const P99_LIMIT_MS = 100;

export interface StepRun {
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
  const step: CapacityStep = {
    targetRps: round(targetRps, 0),
    stepS,
    sentRps: round(measured.length / stepS, 1),
    requests: measured.length,
    lagged,
    p50Ms: all.p50Ms,
    p99Ms: all.p99Ms,
    non2xx: all.non2xx,
    held: all.non2xx === 0 && (all.p99Ms ?? Infinity) <= P99_LIMIT_MS && !lagged,
    cpuMsPerRequest: results.length && cpuS > 0 ? round((cpuS * 1000) / results.length) : null,
    load1: round(loadavg()[0] ?? 0),
  };
  return { step, measured };
}

/**
 * The repeats of one rate as one step, judged on all their requests together: the p99 of a few
 * hundred requests is not set by one stall of the machine the way each short repeat's is (at 8
 * req/s a 10-second repeat's p99 is its slowest request). Held only if no repeat answered a
 * non-2xx or lagged.
 */
function pooledRun(runs: StepRun[], stepS: number): StepRun {
  const measured = runs.flatMap((r) => r.measured);
  const all = figuresOf(measured);
  const lagged = runs.some((r) => r.step.lagged);
  const cpu = runs.map((r) => r.step.cpuMsPerRequest).filter((c): c is number => c !== null);
  const loads = runs.map((r) => r.step.load1);
  const step: CapacityStep = {
    targetRps: runs[0]?.step.targetRps ?? 0,
    stepS,
    sentRps: round(measured.length / (stepS * runs.length), 1),
    requests: measured.length,
    lagged,
    p50Ms: all.p50Ms,
    p99Ms: all.p99Ms,
    non2xx: all.non2xx,
    held: all.non2xx === 0 && !lagged && (all.p99Ms ?? Infinity) <= P99_LIMIT_MS,
    cpuMsPerRequest: cpu.length ? round(median(cpu) ?? NaN) : null,
    load1: round(median(loads) ?? 0),
    p99sMs: runs.map((r) => r.step.p99Ms),
    loads1: loads,
    slowest: slowestEndpoints(measured),
    ...(all.non2xx > 0 ? { failures: failuresOf(measured) } : {}),
    resent: measured.filter((r) => r.resent).length,
    sendLagP99Ms: roundOrNull(
      percentile(
        measured.flatMap((r) => (r.sendLagMs === undefined ? [] : [r.sendLagMs])),
        0.99,
      ),
    ),
  };
  return { step, measured };
}

export interface SearchOptions {
  startRps: number;
  growth: number;
  /** Halvings of the gap between the last held and the first missed rate. */
  refine: number;
  maxRps: number;
}

/** One capacity search as a state machine, so several can take turns on the machine. */
export class RateSearch {
  readonly steps: CapacityStep[] = [];
  best: StepRun | null = null;
  /** The capacity rate run again while another search goes on: does it hold at their load too? */
  readonly rechecks: CapacityStep[] = [];
  private bestRate: number | null = null;
  /** The rate already tried a second time after missing on its tail. */
  private retried: number | null = null;
  private missed: number | null = null;
  private rate: number | null;
  private refinesLeft: number;

  constructor(
    readonly label: string,
    /** The arrivals of one repeat at `rps`: a warm-up, then `stepS` measured seconds. */
    readonly arrivalsAt: (rps: number, stepS: number) => { arrivals: Arrival[]; warmupMs: number },
    private readonly opts: SearchOptions,
  ) {
    this.rate = opts.startRps;
    this.refinesLeft = opts.refine;
  }

  /** The rate to run again beside another search's steps once this one is over (its capacity). */
  recheckRate(): number | null {
    return this.rate === null ? this.bestRate : null;
  }

  /** Keeps a re-check of the capacity rate; the capacity itself stays what the search found. */
  recordRecheck(runs: StepRun[], stepS: number): CapacityStep {
    const step = pooledRun(runs, stepS).step;
    this.rechecks.push(step);
    return step;
  }

  /** The rate to try next, or null when the search is over. */
  next(): number | null {
    return this.rate;
  }

  /** Judges the repeats of the rate {@link next} gave, and picks the one after it. */
  record(runs: StepRun[], stepS: number): CapacityStep {
    const rate = this.rate;
    if (rate === null) throw new Error(`${this.label}: no rate was being tried`);
    const run = pooledRun(runs, stepS);
    this.steps.push(run.step);
    // A rate missed on its tail alone is tried once more before the search believes it: one stall
    // of the shared machine (a second or two of other work) can sink all of a repeat's requests.
    // Non-2xx answers and a lagging generator are never retried.
    const tailOnly = !run.step.held && run.step.non2xx === 0 && !run.step.lagged;
    if (tailOnly && this.retried !== rate) {
      this.retried = rate;
      return run.step;
    }
    if (run.step.held) {
      this.best = run;
      this.bestRate = rate;
    } else this.missed = rate;
    if (this.missed === null) {
      const up = rate * this.opts.growth;
      this.rate = up <= this.opts.maxRps ? up : null;
      return run.step;
    }
    const low = this.best?.step.targetRps ?? 0;
    const high = this.missed;
    const gapTooSmall = high - low < Math.max(2, low * 0.05);
    this.rate = this.refinesLeft-- > 0 && !gapTooSmall ? (low + high) / 2 : null;
    return run.step;
  }
}

const describeStep = (label: string, s: CapacityStep) =>
  `api: ${label} ${s.targetRps} req/s → sent ${s.sentRps}, ${s.requests} requests: p50 ${s.p50Ms} ms, ` +
  `p99 ${s.p99Ms} ms (each repeat's ${s.p99sMs?.join(" / ")}), ${s.non2xx} non-2xx` +
  (s.failures
    ? ` (${Object.entries(s.failures)
        .map(([what, n]) => `${what} ×${n}`)
        .join(", ")})`
    : "") +
  (s.resent ? `, ${s.resent} sent again after a closed kept-alive connection` : "") +
  `, ${s.cpuMsPerRequest ?? "–"} ms CPU/req: ` +
  `${s.held ? "held" : s.lagged ? "generator lagged" : "missed"} (load ${s.loads1?.join(" / ") ?? s.load1}; ` +
  `the generator's own send lag p99 ${s.sendLagP99Ms ?? "–"} ms)` +
  (s.slowest && s.slowest.length > 1
    ? `; slowest p99: ${s.slowest.map((e) => `${e.endpoint} ${e.p99Ms} ms (${e.count})`).join(", ")}`
    : "");

/**
 * Runs `searches` interleaved: in each round every search still going runs one repeat of its rate
 * in turn (A, B, A, B, …), `repeats` times, then each judges its rate and picks the next. A search
 * that is over runs its capacity rate again in its turn while the others go on (a re-check at the
 * load their later steps meet), so no search runs alone on a machine that has grown quieter or
 * busier. A rate's repeats last long enough together for at least `minRequests` requests (never
 * shorter than `stepS` each).
 */
export async function searchInterleaved(
  server: BenchServer,
  searches: readonly RateSearch[],
  opts: { stepS: number; repeats: number; minRequests: number },
  log: (line: string) => void,
): Promise<void> {
  const stepSAt = (rate: number) => Math.max(opts.stepS, Math.ceil(opts.minRequests / (opts.repeats * rate)));
  for (;;) {
    const going = searches.flatMap((search) => {
      const rate = search.next();
      return rate === null ? [] : [{ search, rate, recheck: false }];
    });
    if (going.length === 0) return;
    const rechecks = searches.flatMap((search) => {
      const rate = search.recheckRate();
      return rate === null ? [] : [{ search, rate, recheck: true }];
    });
    const round = [...going, ...rechecks]
      .sort((a, b) => searches.indexOf(a.search) - searches.indexOf(b.search))
      .map((turn) => ({ ...turn, stepS: stepSAt(turn.rate), runs: [] as StepRun[] }));
    for (let r = 0; r < opts.repeats; r++) {
      for (const turn of round) {
        const { arrivals, warmupMs } = turn.search.arrivalsAt(turn.rate, turn.stepS);
        turn.runs.push(await runStep(server, turn.rate, arrivals, warmupMs, turn.stepS));
        await waitUntilSettled(server);
      }
    }
    for (const turn of round) {
      const { search, runs, stepS } = turn;
      const step = turn.recheck ? search.recordRecheck(runs, stepS) : search.record(runs, stepS);
      log(describeStep(`${search.label}${turn.recheck ? " (capacity re-checked)" : ""}`, step));
    }
  }
}
