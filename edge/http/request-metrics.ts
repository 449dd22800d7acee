import { createMiddleware } from "hono/factory";

export type CacheResult = "hit" | "miss";

/** What one request spent where; read into `Server-Timing` and the request log. */
export class RequestMetrics {
  readonly startedAt = performance.now();
  dbMs = 0;
  dbQueries = 0;
  private cacheResult: CacheResult | undefined;

  /** Set by handlers that consult the cache; reads "miss" until then. */
  get cache(): CacheResult {
    return this.cacheResult ?? "miss";
  }
  set cache(result: CacheResult) {
    this.cacheResult = result;
  }

  /** The cache result, or undefined when the request never consulted the cache (hit rates skip it). */
  get cacheConsulted(): CacheResult | undefined {
    return this.cacheResult;
  }

  /** Times one D1 round trip (a statement or a batch) and counts it. */
  async db<T>(run: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      this.dbMs += performance.now() - t0;
      this.dbQueries += 1;
    }
  }

  serverTiming(totalMs: number): string {
    const ms = (n: number) => n.toFixed(1);
    return `total;dur=${ms(totalMs)}, db;dur=${ms(this.dbMs)};desc="${this.dbQueries} queries", cache;desc=${this.cache}`;
  }
}

export type AppEnv = { Bindings: Env; Variables: { metrics: RequestMetrics } };

/** Gives each request a `metrics` recorder and answers with its `Server-Timing`. */
export const requestMetrics = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const metrics = new RequestMetrics();
    c.set("metrics", metrics);
    await next();
    c.res.headers.set("Server-Timing", metrics.serverTiming(performance.now() - metrics.startedAt));
  });
