import { createMiddleware } from "hono/factory";
import { ApiError } from "../http/errors";
import type { AppEnv } from "../http/request-metrics";

const encoder = new TextEncoder();
const sha256 = async (text: string) => crypto.subtle.digest("SHA-256", encoder.encode(text));

/** Compares two secrets in constant time: hashing first makes the lengths equal. */
export async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

/** The only `APP_ENV` values under which diagnostics answer without a token: local runs and tests. */
export const OPEN_DIAGNOSTICS_ENVS: readonly string[] = ["development", "test"];

/**
 * Operational endpoints fail closed: open only when `APP_ENV` is exactly a development value;
 * anywhere else (production, staging, a typo, unset) they need `Authorization: Bearer <METRICS_TOKEN>`
 * (401 without a token, 403 with a wrong one or none configured).
 */
export const adminOutsideDevelopment = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const appEnv: string | undefined = c.env.APP_ENV;
    if (appEnv !== undefined && OPEN_DIAGNOSTICS_ENVS.includes(appEnv)) return next();
    const header = c.req.header("Authorization") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new ApiError(401, "unauthorized", "Send Authorization: Bearer <metrics token>.");
    const expected = c.env.METRICS_TOKEN;
    if (!expected || !(await sameSecret(token, expected))) {
      throw new ApiError(403, "forbidden", "That token does not open the metrics.");
    }
    return next();
  });
