import type { MiddlewareHandler } from "hono";

/** Past this many bytes an unread body is cancelled rather than read on. */
const MAX_DISCARD_BYTES = 16 * 1024 * 1024;

/**
 * Reads to the end, and throws away, any request body a route answered without reading (a 401
 * before the body, a 404, a 413 on a declared length). Left unread, the local runtime (`wrangler
 * dev`, what `npm start` serves) fails the connection when the response goes out, and the caller,
 * with every request in flight beside it, gets a 503 "worker restarted mid-request" (found by
 * `npm run fuzz`: chunked bodies sent to routes that refuse early). Cancelling the stream is not
 * enough there; reading it is.
 */
export const releaseBody = (): MiddlewareHandler => async (c, next) => {
  const raw = c.req.raw;
  try {
    await next();
  } finally {
    if (raw.body && !raw.bodyUsed && !raw.body.locked) await discardRest(raw.body.getReader());
  }
};

/** Reads what is left of a body and drops each chunk as it arrives, so nothing piles up in memory. */
export async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > MAX_DISCARD_BYTES) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: nothing left to release.
  } finally {
    reader.releaseLock();
  }
}
