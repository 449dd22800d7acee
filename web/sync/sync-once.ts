import { MAX_PULL_LIMIT } from "../../shared/schemas/sync";
import type { SpotterDb } from "../db/database";
import { ApiRequestError } from "../api/errors";
import { retryUnparsed } from "./apply-changes";
import { readMeta, writeMeta } from "./meta";
import { pullAll } from "./pull-all";
import { pushOutbox } from "./push-all";
import { SyncError } from "./sync-error";
import type { SyncTransport } from "./transport";

/** What one sync did. */
export interface SyncReport {
  pushed: number;
  pulled: number;
  keptLocal: number;
  invalid: number;
  /** Pulled records this build cannot read yet, kept aside to apply after an update. */
  keptAside: number;
}

/**
 * One full sync: push the outbox in batches, then pull every page since the stored cursor. A push
 * that fails for any reason but the network or the session does not stop the pull: the device
 * still gets everyone else's changes, and the push error is thrown after. What was pushed or
 * applied stays done.
 */
export async function syncOnce(
  db: SpotterDb,
  transport: SyncTransport,
  options: {
    pullLimit?: number;
    nowMs?: () => number;
    /** Pulled records stored so far in this sync, after each write commits (for progress). */
    onPulled?: (records: number) => void;
  } = {},
): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, pulled: 0, keptLocal: 0, invalid: 0, keptAside: 0 };
  try {
    // After an app update, records an older build could not read may now be readable.
    report.pulled += await retryUnparsed(db);
    if (!(await readMeta(db, "account"))) {
      throw new SyncError("signed_out", "Not signed in: your log is kept on this device.", {
        wording: "notSignedIn",
      });
    }
    let pushError: SyncError | null = null;
    try {
      report.pushed = await pushOutbox(db, transport);
    } catch (err) {
      pushError = toSyncError(err);
      if (pushError.code === "offline" || pushError.code === "signed_out") throw pushError;
    }
    const pulled = await pullAll(db, transport, options.pullLimit ?? MAX_PULL_LIMIT, options.onPulled);
    report.pulled += pulled.applied;
    report.keptLocal += pulled.keptLocal;
    report.invalid += pulled.invalid;
    report.keptAside += pulled.keptAside;
    if (pushError) throw pushError;
    await writeMeta(db, "lastSyncAt", (options.nowMs ?? Date.now)());
    return report;
  } catch (err) {
    const syncError = toSyncError(err);
    // The session ended (signed out elsewhere, or this device was revoked): stop trying until sign-in.
    if (syncError.code === "signed_out") await writeMeta(db, "account", null);
    throw syncError;
  }
}

function toSyncError(err: unknown): SyncError {
  if (err instanceof SyncError) return err;
  if (err instanceof ApiRequestError) {
    if (err.code === "network")
      return new SyncError("offline", "Offline: changes are saved here and will sync later.");
    if (err.code === "unsupported_schema_version") {
      return new SyncError(
        "unsupported_schema_version",
        "Update Spotter to keep syncing. Your changes are kept on this device.",
      );
    }
    if (err.status === 401) {
      return new SyncError(
        "signed_out",
        "Signed out: sign in again to sync. Your log is kept on this device.",
      );
    }
    return new SyncError("server", `Sync failed: ${err.message}`, { cause: err });
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new SyncError("internal", `Sync failed: ${detail}`, { cause: err });
}
