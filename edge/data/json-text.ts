import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Answers with JSON text the server assembled itself from values it validated before storing them
 * (D1 rows, KV snapshots), without parsing and re-serialising it. The type parameter documents
 * the shape for `hc<AppType>`; the text must have been built from a `T`.
 */
export function jsonText<T, S extends ContentfulStatusCode = 200>(
  c: Context,
  text: string,
  status?: S,
): Response & TypedResponse<T, S, "json"> {
  const response: Response = c.body(text, status ?? 200, {
    "Content-Type": "application/json; charset=UTF-8",
  });
  return response as Response & TypedResponse<T, S, "json">;
}
