import type { Context } from "hono";
import { ApiError } from "../http/errors";

/** Where passkeys belong: the RP ID and the one origin this request's ceremony must come from. */
export interface RelyingParty {
  rpID: string;
  origin: string;
}

/**
 * Whether `origin` is one of the configured ones. An entry may end in `:*` (any port, or none) for
 * local development, where `npm start`, `npm run dev` and the tests each pick their own port.
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    if (!entry.endsWith(":*")) return entry === origin;
    const base = entry.slice(0, -2);
    return (
      origin === base || (origin.startsWith(`${base}:`) && /^\d{1,5}$/.test(origin.slice(base.length + 1)))
    );
  });
}

const splitList = (text: string | undefined): string[] =>
  (text ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);

/** The comma-separated `ALLOWED_ORIGINS` var as a list. */
export const allowedOrigins = (env: Env): string[] => splitList(env.ALLOWED_ORIGINS);

/**
 * The relying party from configuration (`RP_ID`, `ALLOWED_ORIGINS` in wrangler.toml), never from
 * the request alone: the request's origin is used only when it is one of the configured ones, and
 * its RP ID is the configured one it belongs to (`RP_ID` may list several, e.g. localhost and
 * 127.0.0.1 for local runs). A passkey ceremony from anywhere else is refused.
 */
export function relyingParty(c: Context): RelyingParty {
  const env: Env = c.env;
  const origin = c.req.header("origin") ?? new URL(c.req.url).origin;
  const host = URL.canParse(origin) ? new URL(origin).hostname : "";
  const rpID = splitList(env.RP_ID).find((id) => host === id || host.endsWith(`.${id}`));
  if (rpID === undefined || !originAllowed(origin, allowedOrigins(env))) {
    throw new ApiError(403, "forbidden", "Passkeys cannot be used from this address.");
  }
  return { rpID, origin };
}
