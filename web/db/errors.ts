/** Why a local write did not happen, in words a person can act on. */
export class LocalWriteError extends Error {
  constructor(
    readonly code: "storage_full" | "write_failed" | "not_found" | "invalid_input" | "unsynced_changes",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "LocalWriteError";
  }
}

/** A stored record that fails the shared schema: reported, never silently cast. */
export class InvalidRecordError extends Error {
  readonly code = "invalid_record";
  constructor(
    readonly entity: string,
    readonly key: string,
    readonly issues: string[],
  ) {
    super(`A stored ${entity} (${key}) is not valid: ${issues.join("; ")}`);
    this.name = "InvalidRecordError";
  }
}

function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error || e instanceof DOMException;) {
    if (e.name === "QuotaExceededError") return true;
    const inner: unknown = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
    if (inner === e) break;
    e = inner;
  }
  return false;
}

/** Turns a failed IndexedDB transaction into a {@link LocalWriteError} with a worded message. */
export function toLocalWriteError(err: unknown): LocalWriteError {
  if (err instanceof LocalWriteError) return err;
  if (isQuotaError(err)) {
    return new LocalWriteError(
      "storage_full",
      "This device is out of storage space for Spotter, so nothing from this change was saved. Free up some space and try again.",
      { cause: err },
    );
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new LocalWriteError("write_failed", `Could not save on this device: ${detail}`, { cause: err });
}
