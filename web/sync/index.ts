import { getDb } from "../db/database";
import { startSyncScheduler, type SyncScheduler } from "./scheduler";
import { httpSyncTransport } from "./transport";

let scheduler: SyncScheduler | null = null;

/** Starts background sync for the app (once; later calls return the same scheduler). */
export function ensureSyncStarted(): SyncScheduler {
  scheduler ??= startSyncScheduler({
    db: getDb(),
    transport: httpSyncTransport((input, init) => fetch(input, init)),
  });
  return scheduler;
}

export { getSyncStatus, subscribeSyncStatus, type SyncStatusSnapshot } from "./status";
export { readSignedInAccount, setSignedInAccount } from "./meta";
