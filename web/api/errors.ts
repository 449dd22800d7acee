import * as v from "valibot";

const EnvelopeSchema = v.object({ error: v.object({ code: v.string(), message: v.string() }) });

/** A failed API call: the server's error code and message, or `network` when it was not reached. */
export class ApiRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** The parts of a fetch or `hc` response these helpers read. */
export interface ResponseLike {
  ok: boolean;
  status: number;
  headers: Headers;
  json(): Promise<unknown>;
}

/** Reads the `{ error: { code, message } }` envelope of a failed response. */
export async function errorFromResponse(res: ResponseLike): Promise<ApiRequestError> {
  const body: unknown = await res.json().catch(() => null);
  const parsed = v.safeParse(EnvelopeSchema, body);
  if (parsed.success)
    return new ApiRequestError(parsed.output.error.code, parsed.output.error.message, res.status);
  return new ApiRequestError("http_" + res.status, `The server answered ${res.status}.`, res.status);
}

/** Runs a request, turning a network failure into an {@link ApiRequestError} with code `network`. */
export async function reach<R extends ResponseLike>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ApiRequestError("network", `Could not reach the server (${detail}).`, 0);
  }
}

/** Parses a successful JSON body against `schema`; a mismatch is an error, never a cast. */
export async function readJson<S extends v.GenericSchema>(
  res: Response,
  schema: S,
): Promise<v.InferOutput<S>> {
  if (!res.ok) throw await errorFromResponse(res);
  const parsed = v.safeParse(schema, await res.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiRequestError(
      "invalid_response",
      "The server's answer was not what this app expects.",
      res.status,
    );
  }
  return parsed.output;
}
