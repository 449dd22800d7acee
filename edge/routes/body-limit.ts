import type { MiddlewareHandler } from "hono";
import { ApiError } from "../http/errors";
import { discardRest } from "../http/release-body";

/**
 * Refuses bodies over `maxBytes` with a 413 `payload_too_large` envelope before parsing them. A
 * declared length is checked up front; a chunked body is counted as it arrives, and one that runs
 * over is read to its end and dropped before the 413 goes out (see `releaseBody`: a body left
 * half-read fails the connection under `wrangler dev`).
 */
export const limitBody =
  (maxBytes: number, what: string): MiddlewareHandler =>
  async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const tooLarge = () =>
      new ApiError(413, "payload_too_large", `${what} may be at most ${Math.round(maxBytes / 1024)} KB.`);
    const declared = raw.headers.get("content-length");
    if (declared !== null && !raw.headers.has("transfer-encoding")) {
      if (Number(declared) > maxBytes) throw tooLarge();
      return next();
    }
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await discardRest(reader);
        throw tooLarge();
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.req.raw = new Request(raw, { body });
    return next();
  };
