// An open-loop load generator: requests leave on a fixed schedule whether or not earlier ones have
// answered, and latency counts from the scheduled send time, so a stall shows up in the tail
// instead of silently lowering the rate (no coordinated omission).
import http from "node:http";

export interface PlannedRequest {
  /** Label the results are grouped by, e.g. "GET /api/sync/pull". */
  endpoint: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called with the answer's status and body (a pull's cursor, a sign-in's challenge). */
  onAnswer?: (status: number, body: string) => void;
}

export interface RequestResult {
  endpoint: string;
  status: number;
  /** From the scheduled send time (or, for a request that needed an earlier answer, that answer) to the last byte. */
  latencyMs: number;
  serverTiming: string;
  /** Scheduled send time, ms after the run started. */
  atMs: number;
  /**
   * How late the generator itself sent it (its event loop busy or descheduled): counted in the
   * latency all the same (open loop), and reported apart so a late generator can be told from a
   * slow server.
   */
  sendLagMs?: number;
  /** For status 0: why there was no answer (the socket error's code). */
  error?: string;
  /** Sent again once on a fresh connection, as a browser does when a kept-alive one was closed. */
  resent?: boolean;
}

/** One arrival: when it leaves, and what it is. A plan that needs an earlier answer returns a promise. */
export interface Arrival {
  atMs: number;
  plan: () => PlannedRequest | Promise<PlannedRequest>;
}

export interface OpenLoopOptions {
  origin: string;
  rateRps: number;
  durationS: number;
  next: (i: number) => PlannedRequest;
  /** Requests still outstanding this long after the last send count as failures (status 0). */
  drainTimeoutMs?: number;
}

export interface OpenLoopRun {
  results: RequestResult[];
  /** How long sending the schedule took: longer than planned means the generator itself lagged. */
  sendSeconds: number;
}

/**
 * Sends `plan` now; resolves with its result (status 0 when the connection failed). A request on a
 * kept-alive connection that the server had just closed (reset before any answer) is sent once
 * more on a fresh one, as browsers do and as Node's documentation advises (`req.reusedSocket`);
 * the result says so, and its latency includes both tries.
 */
function send(
  agent: http.Agent,
  url: URL,
  plan: PlannedRequest,
  startedAt: number,
  t0: number,
  resent = false,
): Promise<RequestResult> {
  return new Promise<RequestResult>((resolve) => {
    const finish = (status: number, serverTiming: string, body: string, error?: string) => {
      plan.onAnswer?.(status, body);
      resolve({
        endpoint: plan.endpoint,
        status,
        latencyMs: performance.now() - startedAt,
        serverTiming,
        atMs: startedAt - t0,
        ...(error ? { error } : {}),
        ...(resent ? { resent } : {}),
      });
    };
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: plan.method,
        path: plan.path,
        agent,
        headers: { ...plan.headers, ...(plan.body ? { "content-type": "application/json" } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        const status = res.statusCode ?? 0;
        // A refusal's body says who refused (our envelope, or the local runtime's own page).
        const refused = status < 200 || status >= 300;
        const keep = plan.onAnswer !== undefined || refused;
        res.on("data", (chunk: Buffer) => void (keep && chunks.push(chunk)));
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          const said = refused ? body.replace(/\s+/g, " ").slice(0, 120) : "";
          finish(status, String(res.headers["server-timing"] ?? ""), body, said || undefined);
        });
        res.on("error", (error: NodeJS.ErrnoException) => finish(0, "", "", error.code ?? error.message));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (req.reusedSocket && error.code === "ECONNRESET" && !resent)
        void send(agent, url, plan, startedAt, t0, true).then(resolve);
      else finish(0, "", "", error.code ?? error.message);
    });
    req.end(plan.body);
  });
}

/**
 * Sends each arrival at its time whether or not earlier ones have answered. Latency counts from
 * the scheduled time, or for a plan that waited on an earlier answer from when that answer came.
 */
export async function runSchedule(opts: {
  origin: string;
  arrivals: readonly Arrival[];
  drainTimeoutMs?: number;
}): Promise<OpenLoopRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const url = new URL(opts.origin);
  const arrivals = [...opts.arrivals].sort((a, b) => a.atMs - b.atMs);
  const results: RequestResult[] = [];
  const pending = new Set<Promise<void>>();
  const t0 = performance.now();

  const fire = (arrival: Arrival) => {
    const scheduledAt = t0 + arrival.atMs;
    const planned = arrival.plan();
    const done = (async () => {
      // A plan that waited on an earlier answer counts from that answer, never from before it.
      const plan = planned instanceof Promise ? await planned : planned;
      const sentAt = performance.now();
      const startedAt = planned instanceof Promise ? Math.max(scheduledAt, sentAt) : scheduledAt;
      const sendLagMs = Math.max(0, sentAt - startedAt);
      results.push({ ...(await send(agent, url, plan, startedAt, t0)), atMs: arrival.atMs, sendLagMs });
    })();
    pending.add(done);
    void done.then(() => pending.delete(done));
  };

  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < arrivals.length && t0 + arrivals[sent]!.atMs <= now) fire(arrivals[sent++]!);
      if (sent >= arrivals.length) return resolve();
      setTimeout(tick, Math.max(0, Math.min(10, t0 + arrivals[sent]!.atMs - performance.now())));
    };
    tick();
  });
  const sendSeconds = (performance.now() - t0) / 1000;
  let timer: NodeJS.Timeout | undefined;
  const drain = new Promise<void>((r) => (timer = setTimeout(r, opts.drainTimeoutMs ?? 30_000)));
  await Promise.race([Promise.all(pending), drain]);
  clearTimeout(timer);
  agent.destroy();
  const unanswered = arrivals.length - results.length;
  for (let i = 0; i < unanswered; i++) {
    results.push({ endpoint: "unanswered", status: 0, latencyMs: Infinity, serverTiming: "", atMs: 0 });
  }
  return { results, sendSeconds };
}

/** A fixed rate of arrivals: the i-th request is `next(i)`. */
export function runOpenLoop(opts: OpenLoopOptions): Promise<OpenLoopRun> {
  const total = Math.round(opts.rateRps * opts.durationS);
  const intervalMs = 1000 / opts.rateRps;
  const arrivals = Array.from({ length: total }, (_, i) => ({
    atMs: i * intervalMs,
    plan: () => opts.next(i),
  }));
  return runSchedule({ origin: opts.origin, arrivals, drainTimeoutMs: opts.drainTimeoutMs });
}

/** Reads `db;desc="N queries"`, `cache;desc=hit|miss` and `total;dur=` from a Server-Timing header. */
export function parseServerTiming(header: string): {
  dbQueries: number | null;
  dbMs: number | null;
  cache: string | null;
  totalMs: number | null;
} {
  const queries = /db;dur=([\d.]+);desc="(\d+) queries"/.exec(header);
  const cache = /cache;desc=(\w+)/.exec(header);
  const total = /total;dur=([\d.]+)/.exec(header);
  return {
    dbQueries: queries ? Number(queries[2]) : null,
    dbMs: queries ? Number(queries[1]) : null,
    cache: cache?.[1] ?? null,
    totalMs: total ? Number(total[1]) : null,
  };
}
