import { hc } from "hono/client";
import type { AppType } from "../../edge/app";

/** The page's own origin; tests (no real origin) use localhost. */
function defaultBaseUrl(): string {
  const origin = globalThis.location?.origin;
  return origin?.startsWith("http") ? origin : "http://localhost";
}

/** A typed client for the Spotter API; `fetchImpl` is the seam tests replace. */
export function createApiClient(
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  baseUrl?: string,
) {
  return hc<AppType>(baseUrl ?? defaultBaseUrl(), {
    fetch: fetchImpl,
    init: { credentials: "same-origin" },
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
