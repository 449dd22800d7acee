// Turning a FuzzRequest into a real Request, and judging the answer: both the CLI and the CI
// sample use these, so they fail on exactly the same things.
import type { FuzzRequest } from "./requests";

/** A cookie for a forged session: the right shape, no such session. */
const FORGED_COOKIE = `spotter_session=${"Zm9yZ2Vk".repeat(5)}abc`;

/** The Request for `req` against `origin`, with `liveCookie` when it asks for a valid session. */
export function toRequest(req: FuzzRequest, origin: string, liveCookie: string | undefined): Request {
  const headers = new Headers(req.headers);
  if (req.session === "valid" && liveCookie) headers.set("cookie", liveCookie);
  else if (req.session === "none") headers.delete("cookie");
  else if (!headers.has("cookie")) headers.set("cookie", FORGED_COOKIE);
  const bytes =
    req.body === undefined
      ? undefined
      : typeof req.body === "string"
        ? new TextEncoder().encode(req.body)
        : Uint8Array.from(req.body.bytes);
  const body =
    bytes && req.chunked
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            // Two chunks, so a reader that assumes one gets the second as a surprise.
            const half = Math.floor(bytes.length / 2);
            controller.enqueue(bytes.slice(0, half));
            controller.enqueue(bytes.slice(half));
            controller.close();
          },
        })
      : bytes;
  // Node's fetch needs `duplex` for a streamed body; workerd ignores it.
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, body, duplex: "half" };
  return new Request(`${origin}${req.path}`, init);
}

/** What was wrong with an answer, or undefined when it is acceptable. */
export async function problemWith(req: FuzzRequest, res: Response): Promise<string | undefined> {
  if (res.status >= 500) return `status ${res.status}: ${(await res.text()).slice(0, 300)}`;
  // Oversized headers are refused by the runtime's HTTP front before the Worker runs (Cloudflare's
  // edge does the same), so the answer is not the API's own.
  if (res.status === 431) return undefined;
  if (!req.path.startsWith("/api/")) return undefined;
  if (res.headers.get("cache-control") !== "no-store") return "no Cache-Control: no-store";
  if (res.status < 400 || req.method === "HEAD") return undefined;
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === "string" && typeof body.error.message === "string") return undefined;
  } catch {
    // falls through: not JSON
  }
  return `status ${res.status} without the error envelope: ${text.slice(0, 200)}`;
}

/** A short, printable description of a request, for reports. */
export function describe(req: FuzzRequest): string {
  const body =
    req.body === undefined
      ? ""
      : typeof req.body === "string"
        ? ` body(${req.body.length} chars${req.chunked ? ", chunked" : ""})=${JSON.stringify(req.body.slice(0, 300))}`
        : ` bytes(${req.body.bytes.length})`;
  const path = req.path.length > 300 ? `${req.path.slice(0, 300)}…` : req.path;
  return `${req.method} ${path} session=${req.session} headers=${JSON.stringify(req.headers).slice(0, 300)}${body}`;
}
