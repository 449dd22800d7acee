import { useEffect, useSyncExternalStore } from "react";
import { Link } from "wouter";
import { ensureSyncStarted, getSyncStatus, subscribeSyncStatus, type SyncStatusSnapshot } from "./index";
import { SyncProblems } from "./SyncProblems";
import "./sync-status.css";

function describe(status: SyncStatusSnapshot): string {
  const waiting =
    status.pending === 1 ? "1 change waiting to sync" : `${status.pending} changes waiting to sync`;
  switch (status.state) {
    case "syncing":
      return "Syncing…";
    case "offline":
    case "signed_out":
    case "update_required":
    case "error":
      return status.pending > 0
        ? `${status.message ?? "Not synced"} (${waiting})`
        : (status.message ?? "Not synced");
    case "idle":
      return status.pending > 0 ? waiting : "All changes synced";
  }
}

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** Pending changes, last sync time and sync problems in words. Mounting it starts background sync. */
export function SyncStatus() {
  useEffect(() => {
    ensureSyncStarted();
  }, []);
  const status = useSyncExternalStore(subscribeSyncStatus, getSyncStatus);
  return (
    <>
      <div
        className="sync-status"
        role="status"
        aria-label="Sync"
        data-state={status.state}
        data-pending={status.pending}
      >
        <span>{describe(status)}</span>
        {status.lastSyncAt !== null && <span className="muted"> · last sync {time(status.lastSyncAt)}</span>}
        {status.state === "signed_out" && <Link href="~/profile">Sign in</Link>}
        {status.state !== "syncing" && status.state !== "signed_out" && (
          <button
            type="button"
            className="secondary sync-now"
            onClick={() => void ensureSyncStarted().syncNow()}
          >
            Sync now
          </button>
        )}
      </div>
      <SyncProblems status={status} />
    </>
  );
}
