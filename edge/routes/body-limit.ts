import { bodyLimit } from "hono/body-limit";
import { ApiError } from "../http/errors";

/** Refuses bodies over `maxBytes` with a 413 `payload_too_large` envelope before parsing them. */
export const limitBody = (maxBytes: number, what: string) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(
        413,
        "payload_too_large",
        `${what} may be at most ${Math.round(maxBytes / 1024)} KB.`,
      );
    },
  });
