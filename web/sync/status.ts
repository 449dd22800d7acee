import type { SyncError, SyncWording } from "./sync-error";

/** What the sync status shows. */
export interface SyncStatusSnapshot {
  state: "idle" | "syncing" | "offline" | "signed_out" | "update_required" | "error";
  /** Local changes not yet pushed. */
  pending: number;
  /** While syncing: records pulled from the server and stored so far in this sync. */
  received: number;
  lastSyncAt: number | null;
  /** A worded problem, when there is one (English, for logs and tests; the UI words `problem`). */
  message: string | null;
  /** The problem's words in the catalogue, and what caused it (worded by its own code). */
  problem?: { wording: SyncWording; cause?: unknown } | null;
  /** Changes the server refuses, set aside until the person discards them. */
  quarantined: number;
  /** Pulled records this build cannot read yet, kept for after an update. */
  keptAside: number;
  /** Unsynced changes of other accounts set aside on this (shared) device. */
  heldForOthers: number;
}

let snapshot: SyncStatusSnapshot = {
  state: "idle",
  pending: 0,
  received: 0,
  lastSyncAt: null,
  message: null,
  quarantined: 0,
  keptAside: 0,
  heldForOthers: 0,
};
const listeners = new Set<() => void>();

export function getSyncStatus(): SyncStatusSnapshot {
  return snapshot;
}

export function subscribeSyncStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function updateSyncStatus(patch: Partial<SyncStatusSnapshot>): void {
  snapshot = { ...snapshot, ...patch };
  for (const listener of listeners) listener();
}

const STATE_FOR_ERROR: Record<SyncError["code"], SyncStatusSnapshot["state"]> = {
  offline: "offline",
  signed_out: "signed_out",
  unsupported_schema_version: "update_required",
  too_large: "error",
  server: "error",
  internal: "error",
};

/** The status after a failed sync. */
export function statusForError(err: SyncError): Partial<SyncStatusSnapshot> {
  return {
    state: STATE_FOR_ERROR[err.code],
    message: err.message,
    problem: { wording: err.wording, cause: err.cause },
  };
}
