/** Which words a sync problem is shown in (`sync.json`: `status.problem.*`). */
export type SyncWording = "offline" | "notSignedIn" | "signedOut" | "updateRequired" | "tooLarge" | "failed";

const WORDING: Record<SyncError["code"], SyncWording> = {
  offline: "offline",
  signed_out: "signedOut",
  unsupported_schema_version: "updateRequired",
  too_large: "tooLarge",
  server: "failed",
  internal: "failed",
};

/** Why a sync stopped, with a message a person can read (English; the UI words it by `wording`). */
export class SyncError extends Error {
  readonly wording: SyncWording;

  constructor(
    readonly code:
      "offline" | "signed_out" | "unsupported_schema_version" | "too_large" | "server" | "internal",
    message: string,
    options?: { cause?: unknown; wording?: SyncWording },
  ) {
    super(message, options);
    this.name = "SyncError";
    this.wording = options?.wording ?? WORDING[code];
  }
}
