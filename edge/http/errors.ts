import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Machine-readable error codes the API answers with, inside `{ error: { code, message } }`. */
export type ApiErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_schema_version"
  | "rate_limited"
  | "internal";

/** An error that the client caused or should see: carries an HTTP status and a stable code. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. `Retry-After` on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(status, { message });
  }
}

const codeForStatus: Partial<Record<number, ApiErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  429: "rate_limited",
};

/** The error envelope every failure is answered with. */
export function errorBody(code: ApiErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** The single place errors become responses: known ones keep their status, unknown ones are logged. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message, err.details), err.status, err.headers);
  }
  if (err instanceof HTTPException) {
    const code = codeForStatus[err.status] ?? (err.status >= 500 ? "internal" : "bad_request");
    return c.json(errorBody(code, err.message || code.replaceAll("_", " ")), err.status);
  }
  console.error(
    JSON.stringify({ level: "error", msg: "unhandled", path: c.req.path, error: String(err.stack ?? err) }),
  );
  return c.json(errorBody("internal", "Something went wrong on our side."), 500);
}
