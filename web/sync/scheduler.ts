import { liveQuery } from "dexie";
import type { SpotterDb } from "../db/database";
import { onLocalWrite } from "../db/local-writes";
import { readMeta } from "./meta";
import { heldChangeCount } from "./owner";
import { statusForError, updateSyncStatus } from "./status";
import { SyncError } from "./sync-error";
import { syncOnce } from "./sync-once";
import type { SyncTransport } from "./transport";

export interface SchedulerOptions {
  db: SpotterDb;
  transport: SyncTransport;
  /** Wait after a local write before pushing, so a burst of edits goes in one push. */
  debounceMs?: number;
  /** Sync this often while the page is visible. */
  intervalMs?: number;
}

export interface SyncScheduler {
  /** Syncs now (or right after the sync in flight). Resolves when that sync has finished. */
  syncNow(): Promise<void>;
  /** Resolves when no sync is running (at once if none is). */
  whenIdle(): Promise<void>;
  stop(): void;
}

/**
 * Runs sync when the app opens, when the network comes back, shortly after a local write, and on a
 * timer while the page is visible (paused while hidden). One sync at a time; a request during a
 * sync runs one more right after it.
 */
export function startSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const { db, transport, debounceMs = 2000, intervalMs = 60_000 } = options;
  let running: Promise<void> | null = null;
  let again = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function runOnce(): Promise<void> {
    updateSyncStatus({ state: "syncing", received: 0 });
    try {
      await syncOnce(db, transport, { onPulled: (received) => updateSyncStatus({ received }) });
      updateSyncStatus({
        state: "idle",
        message: null,
        problem: null,
        lastSyncAt: await readMeta(db, "lastSyncAt"),
      });
    } catch (err) {
      const syncError = err instanceof SyncError ? err : new SyncError("internal", String(err));
      updateSyncStatus(statusForError(syncError));
    } finally {
      performance.mark("sync:done");
    }
  }

  function syncNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
      running = null;
    })();
    return running;
  }

  const onOnline = () => void syncNow();
  const onVisibility = () => {
    clearInterval(timer);
    timer = undefined;
    if (document.visibilityState !== "visible") return;
    void syncNow();
    timer = setInterval(() => void syncNow(), intervalMs);
  };
  const stopWrites = onLocalWrite(() => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void syncNow(), debounceMs);
  });
  const pending = liveQuery(async () => ({
    pending: await db.outbox.count(),
    quarantined: await db.quarantine.count(),
    keptAside: await db.unparsed.count(),
    heldForOthers: await heldChangeCount(db),
  })).subscribe({ next: (counts) => updateSyncStatus(counts) });

  window.addEventListener("online", onOnline);
  document.addEventListener("visibilitychange", onVisibility);
  void readMeta(db, "lastSyncAt").then((lastSyncAt) => updateSyncStatus({ lastSyncAt }));
  if (document.visibilityState === "visible") onVisibility();
  else void syncNow();

  return {
    syncNow,
    whenIdle: () => running ?? Promise.resolve(),
    stop() {
      window.removeEventListener("online", onOnline);
      document.removeEventListener("visibilitychange", onVisibility);
      stopWrites();
      pending.unsubscribe();
      clearTimeout(debounce);
      clearInterval(timer);
    },
  };
}
