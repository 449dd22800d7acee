import {
  BOOKMARK_HEADER,
  PullResponseSchema,
  PushResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from "../../shared/schemas/sync";
import { createApiClient } from "../api/client";
import { readJson, reach } from "../api/errors";

/** The two sync calls, with the D1 session bookmark carried both ways. */
export interface SyncTransport {
  push(
    body: PushRequest,
    bookmark: string | null,
  ): Promise<{ result: PushResponse; bookmark: string | null }>;
  pull(
    cursor: string | null,
    limit: number,
    bookmark: string | null,
  ): Promise<{ result: PullResponse; bookmark: string | null }>;
}

/** The sync transport over `fetchImpl` (the real `fetch` in the app, a fake server in tests). */
export function httpSyncTransport(fetchImpl: typeof fetch, baseUrl?: string): SyncTransport {
  const api = createApiClient(fetchImpl, baseUrl).api.sync;
  const headers = (bookmark: string | null): Record<string, string> =>
    bookmark ? { [BOOKMARK_HEADER]: bookmark } : {};
  return {
    async push(body, bookmark) {
      const res = await reach(() => api.push.$post({ json: body }, { headers: headers(bookmark) }));
      return { result: await readJson(res, PushResponseSchema), bookmark: res.headers.get(BOOKMARK_HEADER) };
    },
    async pull(cursor, limit, bookmark) {
      const query = cursor ? { cursor, limit: String(limit) } : { limit: String(limit) };
      const res = await reach(() => api.pull.$get({ query }, { headers: headers(bookmark) }));
      return { result: await readJson(res, PullResponseSchema), bookmark: res.headers.get(BOOKMARK_HEADER) };
    },
  };
}
