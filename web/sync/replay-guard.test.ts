import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { newId } from "../db/ids";
import { startWorkout } from "../db/repository";
import { readMeta, writeMeta } from "./meta";
import { FakeSyncServer } from "./testing/fake-sync-server";
import { testDevice } from "./testing/device";

let server: FakeSyncServer;
beforeEach(() => {
  server = new FakeSyncServer();
});

/** An outbox row for a new workout, with an explicit id as a restarted outbox would assign. */
function workoutRow(id: number, name: string) {
  const key = newId();
  const now = Date.now();
  return {
    key,
    row: {
      id,
      entity: "workout",
      op: "put",
      key,
      value: { id: key, startedAt: now, updatedAt: now, name },
      createdAt: now,
    } as const,
  };
}

describe("replay guard", () => {
  it("never reuses a mutation id when the outbox ids restart, so new changes are not dropped", async () => {
    const a = await testDevice(server);
    await a.as(async () => {
      for (let i = 0; i < 3; i++) await startWorkout();
    });
    await a.sync();
    expect(await readMeta(a.db, "highestMutationId")).toBe(3);
    // The outbox table was recreated (a migration, a restored store): its ids start again at 1.
    const first = workoutRow(1, "After restart");
    const second = workoutRow(2, "And another");
    await a.db.outbox.bulkAdd([first.row, second.row]);
    await a.sync();
    expect(server.get("workout", first.key)).toMatchObject({ name: "After restart" });
    expect(server.get("workout", second.key)).toMatchObject({ name: "And another" });
    const sentIds = server.pushBodies.at(-1)!.mutations.map((m) => m.id);
    expect(sentIds).toEqual([4, 5]);
    expect(await a.db.outbox.count()).toBe(0);
    // Later writes continue above the renumbered ids.
    await a.as(() => startWorkout());
    await a.sync();
    expect(server.pushBodies.at(-1)!.mutations.map((m) => m.id)).toEqual([6]);
  });

  it("takes a new client id and sends again when the server has seen ids this device never sent", async () => {
    const a = await testDevice(server);
    await a.as(async () => {
      for (let i = 0; i < 4; i++) await startWorkout();
    });
    await a.sync();
    const before = await readMeta(a.db, "clientId");
    // A restored backup of this device: same client id, but it remembers sending only ids 1–2,
    // and its outbox numbers the next change 3, which the server already took from the original.
    await writeMeta(a.db, "highestMutationId", 2);
    const restored = workoutRow(3, "Made after the restore");
    await a.db.outbox.add(restored.row);
    await a.sync();
    expect(server.get("workout", restored.key)).toMatchObject({ name: "Made after the restore" });
    expect(await readMeta(a.db, "clientId")).not.toBe(before);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it("treats a re-sent change whose answer was lost as a replay, keeping its id and client id", async () => {
    const a = await testDevice(server);
    const workout = await a.as(() => startWorkout());
    server.loseNextPushAnswer = true;
    await expect(a.sync()).rejects.toMatchObject({ code: "offline" });
    const clientId = await readMeta(a.db, "clientId");
    await a.sync();
    expect(server.pushBodies.map((b) => b.mutations.map((m) => m.id))).toEqual([[1], [1]]);
    expect(await readMeta(a.db, "clientId")).toBe(clientId);
    expect(server.get("workout", workout.id)).toBeTruthy();
    expect(await a.db.outbox.count()).toBe(0);
  });
});
