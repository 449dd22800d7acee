/** Why a sync stopped, with a message a person can read. */
export class SyncError extends Error {
  constructor(
    readonly code:
      "offline" | "signed_out" | "unsupported_schema_version" | "too_large" | "server" | "internal",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SyncError";
  }
}
