// An open-loop load generator: requests leave on a fixed schedule whether or not earlier ones have
// answered, and latency counts from the scheduled send time, so a stall shows up in the tail
// instead of silently lowering the rate (no coordinated omission).
import http from "node:http";

export interface PlannedRequest {
  /** Label the results are grouped by, e.g. "GET /api/exercises". */
  endpoint: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RequestResult {
  endpoint: string;
  status: number;
  /** From the scheduled send time to the last byte. */
  latencyMs: number;
  serverTiming: string;
  /** Scheduled send time, ms after the run started. */
  atMs: number;
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

export async function runOpenLoop(opts: OpenLoopOptions): Promise<OpenLoopRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const url = new URL(opts.origin);
  const total = Math.round(opts.rateRps * opts.durationS);
  const intervalMs = 1000 / opts.rateRps;
  const results: RequestResult[] = [];
  const pending = new Set<Promise<void>>();
  const t0 = performance.now();

  const fire = (i: number, scheduledAt: number) => {
    const plan = opts.next(i);
    const done = new Promise<void>((resolve) => {
      const finish = (status: number, serverTiming: string) => {
        results.push({
          endpoint: plan.endpoint,
          status,
          latencyMs: performance.now() - scheduledAt,
          serverTiming,
          atMs: scheduledAt - t0,
        });
        resolve();
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
          res.on("data", () => undefined);
          res.on("end", () => finish(res.statusCode ?? 0, String(res.headers["server-timing"] ?? "")));
          res.on("error", () => finish(0, ""));
        },
      );
      req.on("error", () => finish(0, ""));
      req.end(plan.body);
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  };

  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && t0 + sent * intervalMs <= now) {
        fire(sent, t0 + sent * intervalMs);
        sent += 1;
      }
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, Math.min(intervalMs, t0 + sent * intervalMs - performance.now())));
    };
    tick();
  });
  const sendSeconds = (performance.now() - t0) / 1000;
  const drain = new Promise<void>((r) => setTimeout(r, opts.drainTimeoutMs ?? 30_000));
  await Promise.race([Promise.all(pending), drain]);
  agent.destroy();
  const unanswered = total - results.length;
  for (let i = 0; i < unanswered; i++) {
    results.push({ endpoint: "unanswered", status: 0, latencyMs: Infinity, serverTiming: "", atMs: 0 });
  }
  return { results, sendSeconds };
}

/** Reads `db;desc="N queries"`, `cache;desc=hit|miss` and `total;dur=` from a Server-Timing header. */
export function parseServerTiming(header: string): {
  dbQueries: number | null;
  cache: string | null;
  totalMs: number | null;
} {
  const queries = /db;dur=[\d.]+;desc="(\d+) queries"/.exec(header);
  const cache = /cache;desc=(\w+)/.exec(header);
  const total = /total;dur=([\d.]+)/.exec(header);
  return {
    dbQueries: queries ? Number(queries[1]) : null,
    cache: cache?.[1] ?? null,
    totalMs: total ? Number(total[1]) : null,
  };
}
