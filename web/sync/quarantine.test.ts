import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveSet, startWorkout } from "../db/repository";
import { discardQuarantined, listQuarantined, retryQuarantined } from "./quarantine";
import { FakeSyncServer } from "./testing/fake-sync-server";
import { squatSet, testDevice } from "./testing/device";

let server: FakeSyncServer;
beforeEach(() => {
  server = new FakeSyncServer();
});

describe("one bad change does not stop sync", () => {
  it("sets aside a change the server would refuse, with why, and pushes the rest", async () => {
    const a = await testDevice(server);
    const set = await a.as(async () => saveSet(squatSet((await startWorkout()).id)));
    // A row as a buggy older build might have queued it: reps stored as text.
    await a.db.outbox.add({
      entity: "set",
      op: "put",
      key: set.id,
      value: { ...set, reps: "6" },
      createdAt: Date.now(),
    });
    const later = await a.as(() => startWorkout({ name: "Later" }));
    const report = await a.sync();
    expect(report.pushed).toBe(3);
    expect(server.get("workout", later.id)).toMatchObject({ name: "Later" });
    expect(await a.db.outbox.count()).toBe(0);
    const kept = await listQuarantined(a.db);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ key: set.id, value: { reps: "6" } });
    expect(kept[0]!.reason).toMatch(/not valid.*reps/);
    await discardQuarantined(a.db, kept[0]!.id);
    expect(await a.db.quarantine.count()).toBe(0);
  });

  it("finds the one change a stricter server refuses and still pushes the others", async () => {
    const a = await testDevice(server);
    const { workout, sets } = await a.as(async () => {
      const workout = await startWorkout();
      const sets = [];
      for (let reps = 1; reps <= 6; reps++) sets.push(await saveSet(squatSet(workout.id, reps)));
      return { workout, sets };
    });
    const refused = sets[3]!;
    server.refuse = (m) => m.key === refused.id;
    await a.sync();
    expect(server.get("workout", workout.id)).toBeTruthy();
    for (const set of sets) {
      expect(server.get("set", set.id) !== undefined).toBe(set.id !== refused.id);
    }
    const kept = await listQuarantined(a.db);
    expect(kept.map((r) => r.key)).toEqual([refused.id]);
    expect(kept[0]!.reason).toMatch(/server refused it: reps: Must be at most 1000/i);
    expect(kept[0]!.reason).not.toMatch(/Mutation \d/);
    expect(await a.db.outbox.count()).toBe(0);
    // The server is fixed; the person tries the change again and it goes.
    server.refuse = () => false;
    await retryQuarantined(a.db, kept[0]!.id);
    await a.sync();
    expect(server.get("set", refused.id)).toMatchObject({ reps: refused.reps });
    expect(await a.db.quarantine.count()).toBe(0);
  });

  it("sets aside a change too large for any push", async () => {
    const a = await testDevice(server);
    const faults = Array.from({ length: 32 }, (_, i) => `fault_${i}_`.padEnd(64, "x"));
    const repForm = Array.from({ length: 1000 }, () => ({ score: 50, faults }));
    const { big, small } = await a.as(async () => {
      const w = await startWorkout();
      const big = await saveSet({ ...squatSet(w.id), repForm, source: "camera" });
      const small = await saveSet(squatSet(w.id, 3));
      return { big, small };
    });
    await a.sync();
    expect(server.get("set", small.id)).toMatchObject({ reps: 3 });
    expect(server.get("set", big.id)).toBeUndefined();
    const [kept] = await listQuarantined(a.db);
    expect(kept?.reason).toMatch(/too large to sync \(\d+ KB; at most 256 KB\)/);
  });

  it("still pulls other devices' changes when the push fails", async () => {
    const a = await testDevice(server);
    const b = await testDevice(server);
    const fromB = await b.as(() => startWorkout({ name: "From B" }));
    await b.sync();
    await a.as(() => startWorkout());
    server.failPushes = true;
    await expect(a.sync()).rejects.toMatchObject({ code: "server" });
    expect(await a.db.workouts.get(fromB.id)).toMatchObject({ name: "From B" });
    expect(await a.db.outbox.count()).toBe(1);
  });
});
