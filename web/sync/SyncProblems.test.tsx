import "fake-indexeddb/auto";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SpotterDb, setDatabase } from "../db/database";
import { setSignedInAccount } from "./meta";
import { SyncProblems } from "./SyncProblems";
import type { SyncStatusSnapshot } from "./status";

// React only batches renders into act() when told it runs under a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let n = 0;
let db: SpotterDb;
let host: HTMLElement;
let root: Root;

const status = (counts: Partial<SyncStatusSnapshot>): SyncStatusSnapshot => ({
  state: "idle",
  pending: 0,
  lastSyncAt: null,
  message: null,
  quarantined: 0,
  keptAside: 0,
  heldForOthers: 0,
  ...counts,
});

beforeEach(() => {
  db = new SpotterDb(`problems-test-${n++}`);
  setDatabase(db);
  host = document.createElement("div");
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const button = (name: string) =>
  [...host.querySelectorAll("button")].find((b) => b.textContent === name) as HTMLButtonElement;

describe("SyncProblems", () => {
  it("says in words which change could not sync and why, and discards it only when confirmed", async () => {
    const key = "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6b";
    await db.quarantine.put({
      id: 7,
      entity: "set",
      op: "put",
      key,
      value: {},
      createdAt: Date.UTC(2026, 10, 26, 9, 30),
      reason: "It is not valid: reps: Invalid type.",
      quarantinedAt: Date.now(),
    });
    act(() => root.render(<SyncProblems status={status({ quarantined: 1 })} />));
    await vi.waitFor(() => expect(host.textContent).toContain("1 change could not sync"));
    expect(host.textContent).toMatch(/A set changed .*It is not valid: reps: Invalid type\./);
    expect(host.textContent).not.toContain(key);
    act(() => button("Discard").click());
    expect(await db.quarantine.count()).toBe(1);
    act(() => button("Yes, discard").click());
    await vi.waitFor(async () => expect(await db.quarantine.count()).toBe(0));
  });

  it("tells the next account that another account's changes are kept, without naming it", async () => {
    await setSignedInAccount(db, { username: "ann" });
    await db.outbox.add({ entity: "workout", op: "delete", key: "x", createdAt: 1 });
    await setSignedInAccount(db, { username: "bob" });
    act(() => root.render(<SyncProblems status={status({ heldForOthers: 1 })} />));
    await vi.waitFor(() =>
      expect(host.textContent).toContain("1 unsynced change of another account is kept on this device"),
    );
    expect(host.textContent).not.toContain("ann");
    act(() => button("Discard them").click());
    act(() => button("Keep").click());
    expect(await db.held.count()).toBeGreaterThan(0);
    act(() => button("Discard them").click());
    act(() => button("Yes, discard").click());
    await vi.waitFor(async () => expect(await db.held.count()).toBe(0));
  });
});
