import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SpotterDb, setDatabase } from "../db/database";
import { startWorkout } from "../db/repository";
import { startSyncScheduler, type SyncScheduler } from "./scheduler";
import { getSyncStatus } from "./status";
import { FakeSyncServer } from "./testing/fake-sync-server";
import { httpSyncTransport } from "./transport";
import { setSignedInAccount } from "./meta";

let n = 0;
let server: FakeSyncServer;
let scheduler: SyncScheduler;
let requests: string[];

const setVisibility = (state: DocumentVisibilityState) => {
  Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
};

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
  server = new FakeSyncServer();
  requests = [];
  const fetchSpy: typeof fetch = (input, init) => {
    requests.push(new URL(String(input)).pathname);
    return server.fetch(input, init);
  };
  const db = new SpotterDb(`scheduler-test-${n++}`);
  setDatabase(db);
  await setSignedInAccount(db, { username: "lifter" });
  setVisibility("visible");
  scheduler = startSyncScheduler({
    db,
    transport: httpSyncTransport(fetchSpy),
    debounceMs: 2000,
    intervalMs: 60_000,
  });
  await scheduler.syncNow();
  requests.length = 0;
});

afterEach(() => {
  scheduler.stop();
  vi.useRealTimers();
});

describe("sync scheduler", () => {
  it("pushes a local write after a short pause, not on every keystroke", async () => {
    await startWorkout();
    await startWorkout();
    expect(requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    await scheduler.whenIdle();
    expect(requests.filter((p) => p === "/api/sync/push")).toHaveLength(1);
    expect(server.records.size).toBe(2);
    expect(getSyncStatus()).toMatchObject({ state: "idle", pending: 0 });
  });

  it("syncs on a timer while visible, pauses while hidden, and syncs on return", async () => {
    await vi.advanceTimersByTimeAsync(60_000);
    await scheduler.whenIdle();
    expect(requests).toContain("/api/sync/pull");
    setVisibility("hidden");
    requests.length = 0;
    await vi.advanceTimersByTimeAsync(180_000);
    await scheduler.whenIdle();
    expect(requests).toEqual([]);
    setVisibility("visible");
    await scheduler.whenIdle();
    expect(requests).toContain("/api/sync/pull");
  });

  it("syncs when the network comes back", async () => {
    window.dispatchEvent(new Event("online"));
    await scheduler.whenIdle();
    expect(requests).toContain("/api/sync/pull");
  });
});
