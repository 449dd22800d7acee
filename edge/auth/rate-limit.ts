import { createMiddleware } from "hono/factory";
import type { DataEnv } from "../data/db";
import { ApiError } from "../http/errors";

/** Attempts per client address per window on the auth endpoints (matches wrangler.toml's AUTH_LIMITER). */
export const AUTH_LIMIT = { limit: 30, periodMs: 60_000 };

/**
 * A fixed-window counter in isolate memory: the stand-in for the Workers Rate Limiting binding
 * where it is absent (plain local runs). Per isolate only, like the binding's per-location counts.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly periodMs: number,
  ) {}

  /** Counts one attempt for `key` at `nowMs`; false once the window's limit is used up. */
  hit(key: string, nowMs: number): boolean {
    const window = this.windows.get(key);
    if (window === undefined || nowMs - window.startMs >= this.periodMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { startMs: nowMs, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.limit;
  }
}

/** Writes per signed-in user per window (matches wrangler.toml's WRITE_LIMITER). */
export const WRITE_LIMIT = { limit: 120, periodMs: 60_000 };

const localLimiter = new FixedWindowLimiter(AUTH_LIMIT.limit, AUTH_LIMIT.periodMs);
const localWriteLimiter = new FixedWindowLimiter(WRITE_LIMIT.limit, WRITE_LIMIT.periodMs);

const tooMany = (message: string, periodMs: number) =>
  new ApiError(429, "rate_limited", message, undefined, {
    "Retry-After": String(Math.ceil(periodMs / 1000)),
  });

/** 429 with the error envelope when one address tries the auth endpoints too often. */
export const rateLimitAuth = () =>
  createMiddleware<DataEnv>(async (c, next) => {
    const key = `auth:${c.req.header("cf-connecting-ip") ?? "local"}`;
    const binding: RateLimit | undefined = c.env.AUTH_LIMITER;
    const allowed = binding ? (await binding.limit({ key })).success : localLimiter.hit(key, Date.now());
    if (!allowed) throw tooMany("Too many attempts; wait a minute and try again.", AUTH_LIMIT.periodMs);
    await next();
  });

/**
 * Counts one write for `userId` (a push, a profile save, an account change) and throws a 429 with
 * `Retry-After` past the quota, so one account cannot flood D1 or its neighbours.
 */
export async function countWrite(env: Env, userId: string): Promise<void> {
  const key = `write:${userId}`;
  const binding: RateLimit | undefined = env.WRITE_LIMITER;
  const allowed = binding ? (await binding.limit({ key })).success : localWriteLimiter.hit(key, Date.now());
  if (!allowed)
    throw tooMany("Too many changes in a minute; they will be sent shortly.", WRITE_LIMIT.periodMs);
}
