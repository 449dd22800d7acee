import "fake-indexeddb/auto";
import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { chooseLanguage } from "../i18n/index";
import { SpotterDb, setDatabase } from "../db/database";
import { setSignedInAccount } from "./meta";
import { SyncProblems } from "./SyncProblems";
import type { SyncStatusSnapshot } from "./status";
import { mountEachTest } from "../testing/test-root";

const view = mountEachTest();

let n = 0;
let db: SpotterDb;

const status = (counts: Partial<SyncStatusSnapshot>): SyncStatusSnapshot => ({
  state: "idle",
  pending: 0,
  received: 0,
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
});

afterEach(async () => {
  await chooseLanguage("en");
  localStorage.clear();
});

const button = (name: string) =>
  [...view.host.querySelectorAll("button")].find((b) => b.textContent === name) as HTMLButtonElement;

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
    act(() => view.root.render(<SyncProblems status={status({ quarantined: 1 })} />));
    await vi.waitFor(() => expect(view.host.textContent).toContain("1 change could not sync"));
    expect(view.host.textContent).toMatch(/A set changed .*It is not valid: reps: Invalid type\./);
    expect(view.host.textContent).not.toContain(key);
    act(() => button("Discard").click());
    expect(await db.quarantine.count()).toBe(1);
    act(() => button("Yes, discard").click());
    await vi.waitFor(async () => expect(await db.quarantine.count()).toBe(0));
  });

  it("tells the next account that another account's changes are kept, without naming it", async () => {
    await setSignedInAccount(db, { username: "ann" });
    await db.outbox.add({ entity: "workout", op: "delete", key: "x", createdAt: 1 });
    await setSignedInAccount(db, { username: "bob" });
    act(() => view.root.render(<SyncProblems status={status({ heldForOthers: 1 })} />));
    await vi.waitFor(() =>
      expect(view.host.textContent).toContain("1 unsynced change of another account is kept on this device"),
    );
    expect(view.host.textContent).not.toContain("ann");
    act(() => button("Discard them").click());
    act(() => button("Keep").click());
    expect(await db.held.count()).toBeGreaterThan(0);
    act(() => button("Discard them").click());
    act(() => button("Yes, discard").click());
    await vi.waitFor(async () => expect(await db.held.count()).toBe(0));
  });

  it("speaks German when German is chosen: counts, dates and buttons", async () => {
    await chooseLanguage("de");
    await db.quarantine.put({
      id: 8,
      entity: "workout",
      op: "delete",
      key: "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6c",
      createdAt: Date.UTC(2026, 10, 26, 9, 30),
      reason: "It is not valid.",
      quarantinedAt: Date.now(),
    });
    act(() => view.root.render(<SyncProblems status={status({ quarantined: 1, keptAside: 2 })} />));
    await vi.waitFor(() =>
      expect(view.host.textContent).toContain("1 Änderung konnte nicht synchronisiert werden"),
    );
    expect(view.host.textContent).toContain("Das Löschen eines Workouts am 26.11.2026");
    expect(view.host.textContent).toContain("2 synchronisierte Einträge brauchen eine neuere Version");
    expect(button("Verwerfen")).toBeDefined();
  });
});
